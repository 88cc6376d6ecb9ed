// Shared helpers for the workbench pages. Every piece of store text reaches the
// page through textContent or attribute setters, never through innerHTML.
"use strict";

const workbench = {
  QUAD_CLASSES: {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
  },
  QUAD_COLOURS: { 1: "#68d391", 2: "#2f855a", 3: "#f6ad55", 4: "#c53030" },

  // el("a", {href: "/x"}, "text", child…): an element with properties and children.
  el(tag, properties, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(properties || {})) {
      if (name === "className") node.className = value;
      else node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  },

  link(path, id, text) {
    return workbench.el("a", { href: path + encodeURIComponent(id) }, text);
  },

  // The page's own query string, limited to the filter fields the API knows.
  filterParams(extra) {
    const known = ["from", "to", "actor", "publisher", "cameo", "plover", "quad_class"];
    const params = new URLSearchParams();
    const here = new URLSearchParams(window.location.search);
    for (const name of known) {
      if (here.get(name)) params.set(name, here.get(name));
    }
    for (const [name, value] of Object.entries(extra || {})) params.set(name, value);
    return params;
  },

  async getJson(path, params) {
    const response = await fetch(params ? `${path}?${params}` : path, {
      headers: { Accept: "application/json" },
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  },

  show(panel, ...children) {
    panel.replaceChildren(...children);
  },
};
