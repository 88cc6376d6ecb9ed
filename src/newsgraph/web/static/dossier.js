// Actor dossier: events per day with the actor as source and as target.
"use strict";

(() => {
  const rows = JSON.parse(document.getElementById("over-time-data").textContent);
  const canvas = document.getElementById("over-time");
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: rows.map((row) => row.date),
      datasets: [
        { label: "as source", data: rows.map((row) => row.as_source), backgroundColor: "#2b6cb0" },
        { label: "as target", data: rows.map((row) => row.as_target), backgroundColor: "#d69e2e" },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
})();
