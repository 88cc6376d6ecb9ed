// Network page: actors coloured by type and sized by mentions, edges coloured from
// conflict (red) to cooperation (green) by mean Goldstein score; an edge opens its
// sentences. Only the most mentioned actors are labelled until hovered or selected,
// each label on a light background, so that labels do not pile up on each other.
"use strict";

(async () => {
  const { el, link, show, getJson, filterParams } = workbench;
  const panel = document.getElementById("edge-details");
  // Actor types (records.Actor.type) and their node colours; the legend lists these.
  const TYPE_COLOURS = {
    country: "#2b6cb0",
    person: "#805ad5",
    organisation: "#dd6b20",
    group: "#38a169",
    programme: "#d53f8c",
  };
  const OTHER_COLOUR = "#4a5568";
  const LABELLED = 25; // the most mentioned actors labelled at first
  const MAX_FIT_ZOOM = 1.25;
  const graph = await getJson("/api/graph", filterParams());
  if (graph.edges.length === 0) {
    show(panel, el("p", { className: "muted" }, "No interactions match these filters."));
    return;
  }
  const types = [...new Set(graph.nodes.map((node) => node.type))].sort();
  document.getElementById("network-legend").replaceChildren(
    el("span", { className: "muted" }, "node colour: actor type"),
    ...types.map((type) =>
      el("span", { className: "legend-item", "data-type": type },
        el("span", { className: "swatch", style: `background: ${TYPE_COLOURS[type] || OTHER_COLOUR}` }),
        type)),
    el("span", { className: "muted" }, "node size: mentions · edge width: events"),
  );
  const names = Object.fromEntries(graph.nodes.map((node) => [node.key, node.name]));
  const maxMentions = Math.max(1, ...graph.nodes.map((node) => node.mentions));
  const maxEvents = Math.max(2, ...graph.edges.map((edge) => edge.events));
  // graph.nodes come most mentioned first (the store's order).
  const elements = [
    ...graph.nodes.map((node, rank) => ({
      data: { id: node.key, label: node.name, ...node },
      classes: rank < LABELLED ? "labelled" : "",
    })),
    ...graph.edges.map((edge, index) => ({
      data: { id: `edge-${index}`, ...edge, goldstein: edge.goldstein ?? 0 },
    })),
  ];
  const cy = cytoscape({
    container: document.getElementById("network"),
    elements,
    wheelSensitivity: 0.3,
    style: [
      {
        selector: "node",
        style: {
          "font-size": `mapData(mentions, 0, ${maxMentions}, 11, 15)`,
          "min-zoomed-font-size": 7,
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-wrap": "ellipsis",
          "text-max-width": "170px",
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.8,
          "text-background-padding": "1px",
          "background-color": OTHER_COLOUR,
          width: `mapData(mentions, 0, ${maxMentions}, 12, 56)`,
          height: `mapData(mentions, 0, ${maxMentions}, 12, 56)`,
        },
      },
      { selector: "node.labelled, node.hover, node:selected", style: { label: "data(label)" } },
      ...Object.entries(TYPE_COLOURS).map(([type, colour]) => ({
        selector: `node[type = '${type}']`,
        style: { "background-color": colour },
      })),
      {
        selector: "edge",
        style: {
          "curve-style": "bezier",
          "target-arrow-shape": "triangle",
          width: `mapData(events, 1, ${maxEvents}, 1.5, 9)`,
          opacity: 0.85,
        },
      },
      {
        selector: "edge[goldstein < 0]",
        style: {
          "line-color": "mapData(goldstein, -10, 0, #c53030, #a0aec0)",
          "target-arrow-color": "mapData(goldstein, -10, 0, #c53030, #a0aec0)",
        },
      },
      {
        selector: "edge[goldstein >= 0]",
        style: {
          "line-color": "mapData(goldstein, 0, 10, #a0aec0, #2f855a)",
          "target-arrow-color": "mapData(goldstein, 0, 10, #a0aec0, #2f855a)",
        },
      },
      { selector: ":selected", style: { "overlay-color": "#f6e05e", "overlay-opacity": 0.35 } },
    ],
    layout: {
      name: "cose",
      animate: false,
      randomize: false,
      nodeRepulsion: () => 40000,
      idealEdgeLength: () => 110,
      nodeOverlap: 40,
      nodeDimensionsIncludeLabels: true, // nodes keep their labels' room apart too
      padding: 40,
    },
  });
  // A small graph is fitted at a zoom that blows its labels up over its nodes: keep
  // the zoom near 1 (the reader can still zoom in).
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
  window.newsgraphNetwork = cy; // for scripts and tests that drive the page
  cy.on("mouseover", "node", (event) => event.target.addClass("hover"));
  cy.on("mouseout", "node", (event) => event.target.removeClass("hover"));

  cy.on("tap", "node", (event) => {
    const node = event.target.data();
    show(panel,
      el("h3", {}, node.name),
      el("p", {}, `${node.type} · ${node.mentions} mentions`),
      link("/actors/", node.key, "open the dossier"));
  });

  cy.on("tap", "edge", async (event) => {
    const edge = event.target.data();
    const heading = el("h3", {}, `${names[edge.source]} → ${names[edge.target]}`);
    const summary = el("p", { className: "muted" },
      `${edge.events} events · mean Goldstein ${edge.goldstein.toFixed(1)}`);
    show(panel, heading, summary, el("p", {}, "Loading sentences…"));
    const params = filterParams({ source: edge.source, target: edge.target, limit: 50 });
    const page = await getJson("/api/events", params);
    const items = page.items.map((item) =>
      el("li", { className: `quad-${item.quad_class}` },
        link("/events/", item.id, item.sentence),
        el("span", { className: "muted" }, ` ${item.date || "undated"} · ${item.verb} · CAMEO ${item.cameo}`
          + ` · confidence ${item.confidence.toFixed(2)}`)));
    show(panel, heading, summary, el("ol", { className: "sentences", id: "edge-sentences" }, ...items));
  });
})();
