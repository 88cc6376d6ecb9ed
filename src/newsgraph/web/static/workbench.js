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
    const known = [
      "from", "to", "actor", "publisher", "cameo", "plover", "quad_class", "min_confidence",
    ];
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

  // Dates on a real time axis: Chart.js's linear scale over UTC milliseconds, so that
  // bars stand at their dates (no date adapter needed). Only full dates have a place.
  FULL_DATE: /^(\d{4})-(\d{2})-(\d{2})$/,

  dayTime(date) {
    const [, year, month, day] = workbench.FULL_DATE.exec(date);
    return Date.UTC(Number(year), Number(month) - 1, Number(day));
  },

  // The x scale for bars at ``times``: padded a little, ticks at round dates (days,
  // months or years, whichever gives at most about ten) labelled as dates.
  timeScale(times) {
    const DAY = 86400000;
    const approx = { day: DAY, month: 30.44 * DAY, year: 365.25 * DAY };
    const steps = [
      ["day", 1], ["day", 2], ["day", 7], ["month", 1], ["month", 3], ["month", 6],
      ["year", 1], ["year", 2], ["year", 5], ["year", 10], ["year", 20], ["year", 25],
      ["year", 50], ["year", 100], ["year", 200], ["year", 500],
    ];
    const first = times.length ? Math.min(...times) : Date.UTC(2000, 0, 1);
    const last = times.length ? Math.max(...times) : first;
    const pad = Math.max(DAY, (last - first) * 0.03);
    let unit = "day";
    const roundTicks = (min, max) => {
      const [stepUnit, size] = steps.find(([u, n]) => (max - min) / (approx[u] * n) <= 10) || steps.at(-1);
      const start = new Date(min);
      let year = start.getUTCFullYear();
      let month = stepUnit === "day" ? start.getUTCMonth() : 0;
      let day = stepUnit === "day" ? start.getUTCDate() : 1;
      if (stepUnit === "year") year = Math.floor(year / size) * size;
      const ticks = [];
      for (let guard = 0; guard < 1000; guard += 1) {
        const value = Date.UTC(year, month, day);
        if (value > max) break;
        if (value >= min) ticks.push({ value });
        if (stepUnit === "day") day += size;
        else if (stepUnit === "month") month += size;
        else year += size;
      }
      unit = stepUnit;
      return ticks;
    };
    const label = (value) => {
      const iso = new Date(value).toISOString();
      return iso.slice(0, { year: 4, month: 7, day: 10 }[unit]);
    };
    return {
      type: "linear",
      min: first - pad,
      max: last + pad,
      offset: false, // a bar chart's default offset would shift grid lines off the ticks
      grid: { offset: false },
      afterBuildTicks: (axis) => {
        axis.ticks = roundTicks(axis.min, axis.max);
      },
      ticks: { maxRotation: 0, callback: label },
    };
  },
};
