// Timeline page: events per day stacked by QuadClass; a bar opens its stories.
"use strict";

(async () => {
  const { el, link, show, getJson, filterParams, QUAD_CLASSES, QUAD_COLOURS } = workbench;
  const panel = document.getElementById("bar-details");
  const rows = await getJson("/api/timeline", filterParams());
  const dates = [...new Set(rows.map((row) => row.date))].sort();
  const position = Object.fromEntries(dates.map((date, index) => [date, index]));
  const datasets = [1, 2, 3, 4].map((quad) => {
    const data = new Array(dates.length).fill(0);
    for (const row of rows) if (row.quad_class === quad) data[position[row.date]] = row.events;
    return { label: QUAD_CLASSES[quad], data, backgroundColor: QUAD_COLOURS[quad], quad };
  });

  const openBar = async (date, quad) => {
    const heading = el("h3", {}, `${date} · ${QUAD_CLASSES[quad]}`);
    show(panel, heading, el("p", {}, "Loading stories…"));
    const params = filterParams({ from: date, to: date, quad_class: quad, limit: 50 });
    const page = await getJson("/api/stories", params);
    const items = page.items.map((story) =>
      el("li", {}, link("/stories/", story.story_id, story.title || story.story_id),
        el("span", { className: "muted" }, ` ${story.publisher || ""}`)));
    show(panel, heading, el("ol", { id: "bar-stories" }, ...items));
  };

  const chart = new Chart(document.getElementById("timeline"), {
    type: "bar",
    data: { labels: dates, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      onClick: (_, elements) => {
        if (elements.length === 0) return;
        const { index, datasetIndex } = elements[0];
        openBar(dates[index], datasets[datasetIndex].quad);
      },
    },
  });
  window.newsgraphTimeline = chart; // for scripts and tests that drive the page
})();
