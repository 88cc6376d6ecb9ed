// Network page: actors sized by mentions, edges coloured from conflict (red) to
// cooperation (green) by mean Goldstein score; an edge opens its sentences.
"use strict";

(async () => {
  const { el, link, show, getJson, filterParams } = workbench;
  const panel = document.getElementById("edge-details");
  const graph = await getJson("/api/graph", filterParams());
  if (graph.edges.length === 0) {
    show(panel, el("p", { className: "muted" }, "No interactions match these filters."));
    return;
  }
  const names = Object.fromEntries(graph.nodes.map((node) => [node.key, node.name]));
  const maxMentions = Math.max(1, ...graph.nodes.map((node) => node.mentions));
  const maxEvents = Math.max(2, ...graph.edges.map((edge) => edge.events));
  const elements = [
    ...graph.nodes.map((node) => ({ data: { id: node.key, label: node.name, ...node } })),
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
          label: "data(label)",
          "font-size": 11,
          "text-valign": "bottom",
          "text-margin-y": 3,
          "background-color": "#4a5568",
          width: `mapData(mentions, 0, ${maxMentions}, 12, 56)`,
          height: `mapData(mentions, 0, ${maxMentions}, 12, 56)`,
        },
      },
      { selector: "node[type = 'country']", style: { "background-color": "#2b6cb0" } },
      { selector: "node[type = 'person']", style: { "background-color": "#805ad5" } },
      { selector: "node[type = 'organisation']", style: { "background-color": "#dd6b20" } },
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
    layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000 },
  });
  window.newsgraphNetwork = cy; // for scripts and tests that drive the page

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
        el("span", { className: "muted" }, ` ${item.date || "undated"} · ${item.verb} · CAMEO ${item.cameo}`)));
    show(panel, heading, summary, el("ol", { className: "sentences", id: "edge-sentences" }, ...items));
  });
})();
