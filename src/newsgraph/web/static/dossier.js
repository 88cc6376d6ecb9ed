// Actor dossier: events per day with the actor as source and as target, on a real
// time axis (days dated only to a month or a year are left off it).
"use strict";

(() => {
  const { FULL_DATE, dayTime, timeScale } = workbench;
  const rows = JSON.parse(document.getElementById("over-time-data").textContent)
    .filter((row) => FULL_DATE.test(row.date));
  const canvas = document.getElementById("over-time");
  const points = (key) => rows.map((row) => ({ x: dayTime(row.date), y: row[key], date: row.date }));
  const bars = { barThickness: 5, minBarLength: 2 };
  const chart = new Chart(canvas, {
    type: "bar",
    data: {
      datasets: [
        { label: "as source", data: points("as_source"), backgroundColor: "#2b6cb0", ...bars },
        { label: "as target", data: points("as_target"), backgroundColor: "#d69e2e", ...bars },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { ...timeScale(rows.map((row) => dayTime(row.date))), stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
      },
      plugins: { tooltip: { callbacks: { title: (items) => items[0].raw.date } } },
    },
  });
  window.newsgraphOverTime = chart; // for scripts and tests that drive the page
})();
