// Timeline page: events per day stacked by QuadClass on a real time axis (a bar
// stands at its date: 1889, 2001 and 2019 are spaced by the years between them);
// a bar opens its stories.
"use strict";

(async () => {
  const { el, link, show, getJson, filterParams, QUAD_CLASSES, QUAD_COLOURS } = workbench;
  const panel = document.getElementById("bar-details");
  const note = document.getElementById("timeline-note");
  const rows = await getJson("/api/timeline", filterParams());
  const DAY = 86400000;
  const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const dated = rows.filter((row) => FULL_DATE.test(row.date));
  const partly = rows.length - dated.length;
  if (partly > 0) {
    const events = rows.filter((row) => !FULL_DATE.test(row.date)).reduce((n, row) => n + row.events, 0);
    note.textContent = `${events} event${events === 1 ? "" : "s"} dated only to a month or a year ` +
      "are left off the axis.";
  }
  const time = (date) => {
    const [, year, month, day] = FULL_DATE.exec(date);
    return Date.UTC(Number(year), Number(month) - 1, Number(day));
  };
  const datasets = [1, 2, 3, 4].map((quad) => ({
    label: QUAD_CLASSES[quad],
    data: dated.filter((row) => row.quad_class === quad)
      .map((row) => ({ x: time(row.date), y: row.events, date: row.date })),
    backgroundColor: QUAD_COLOURS[quad],
    barThickness: 6,
    minBarLength: 2,
    quad,
  }));

  // Tick marks at round dates: days, months or years, whichever gives at most ~10.
  const STEPS = [
    ["day", 1], ["day", 2], ["day", 7], ["month", 1], ["month", 3], ["month", 6],
    ["year", 1], ["year", 2], ["year", 5], ["year", 10], ["year", 20], ["year", 25],
    ["year", 50], ["year", 100], ["year", 200], ["year", 500],
  ];
  const roundTicks = (min, max) => {
    const approx = { day: DAY, month: 30.44 * DAY, year: 365.25 * DAY };
    const [unit, size] = STEPS.find(([u, n]) => (max - min) / (approx[u] * n) <= 10) || STEPS.at(-1);
    const start = new Date(min);
    let year = start.getUTCFullYear();
    let month = unit === "day" ? start.getUTCMonth() : 0;
    let day = unit === "day" ? start.getUTCDate() : 1;
    if (unit === "year") year = Math.floor(year / size) * size;
    const ticks = [];
    for (let guard = 0; guard < 1000; guard += 1) {
      const value = Date.UTC(year, month, day);
      if (value > max) break;
      if (value >= min) ticks.push({ value, unit });
      if (unit === "day") day += size;
      else if (unit === "month") month += size;
      else year += size;
    }
    return ticks;
  };
  const tickLabel = (value, unit) => {
    const iso = new Date(value).toISOString();
    return unit === "year" ? iso.slice(0, 4) : unit === "month" ? iso.slice(0, 7) : iso.slice(0, 10);
  };

  const times = dated.map((row) => time(row.date));
  const first = times.length ? Math.min(...times) : Date.UTC(2000, 0, 1);
  const last = times.length ? Math.max(...times) : first;
  const pad = Math.max(DAY, (last - first) * 0.03);
  let tickUnit = "day";

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
        x: {
          type: "linear",
          stacked: true,
          offset: false, // a bar chart's default offset would shift grid lines off the ticks
          grid: { offset: false },
          min: first - pad,
          max: last + pad,
          afterBuildTicks: (axis) => {
            axis.ticks = roundTicks(axis.min, axis.max);
            tickUnit = axis.ticks.length ? axis.ticks[0].unit : "day";
          },
          ticks: { maxRotation: 0, callback: (value) => tickLabel(value, tickUnit) },
        },
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
