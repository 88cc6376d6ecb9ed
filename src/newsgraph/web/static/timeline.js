// Timeline page: events per day stacked by QuadClass on a real time axis (a bar
// stands at its date: 1889, 2001 and 2019 are spaced by the years between them);
// a bar opens its stories.
"use strict";

(async () => {
  const { el, link, show, getJson, filterParams, QUAD_CLASSES, QUAD_COLOURS } = workbench;
  const { FULL_DATE, dayTime, timeScale } = workbench;
  const panel = document.getElementById("bar-details");
  const note = document.getElementById("timeline-note");
  const rows = await getJson("/api/timeline", filterParams());
  const dated = rows.filter((row) => FULL_DATE.test(row.date));
  const undated = rows.filter((row) => !FULL_DATE.test(row.date)).reduce((n, row) => n + row.events, 0);
  if (undated > 0) {
    note.textContent = `${undated} event${undated === 1 ? "" : "s"} dated only to a month or a year ` +
      "are left off the axis.";
  }
  const datasets = [1, 2, 3, 4].map((quad) => ({
    label: QUAD_CLASSES[quad],
    data: dated.filter((row) => row.quad_class === quad)
      .map((row) => ({ x: dayTime(row.date), y: row.events, date: row.date })),
    backgroundColor: QUAD_COLOURS[quad],
    barThickness: 6,
    minBarLength: 2,
    quad,
  }));

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
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: { xAxisKey: "x", yAxisKey: "y" },
      scales: {
        x: { ...timeScale(dated.map((row) => dayTime(row.date))), stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
      },
      plugins: { tooltip: { callbacks: { title: (items) => items[0].raw.date } } },
      onClick: (_, elements) => {
        if (elements.length === 0) return;
        const { index, datasetIndex } = elements[0];
        openBar(datasets[datasetIndex].data[index].date, datasets[datasetIndex].quad);
      },
    },
  });
  window.newsgraphTimeline = chart; // for scripts and tests that drive the page
})();
