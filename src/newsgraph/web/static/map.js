// Map page: the places events happened at, drawn as SVG circles on Natural Earth's
// world outline (world-atlas, served from /static/vendor: no tile server). A circle is
// sized by its events and coloured by the QuadClass most of them have; a dashed ring
// marks a place known only as a country. Clicking a circle lists its events.
"use strict";

(async () => {
  const { el, link, show, getJson, filterParams, QUAD_CLASSES, QUAD_COLOURS } = workbench;
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 960;
  const HEIGHT = 520;
  // The least span (degrees) the view fits around the events, so one city is not a close-up.
  const MIN_SPAN = 30;
  // The busiest places are named on the map; the rest in their circle's tooltip.
  const LABELLED = 40;
  // The count columns of /api/map, by QuadClass.
  const QUAD_KEYS = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
  };

  const panel = document.getElementById("place-details");
  const box = document.getElementById("map");
  const extentButton = document.getElementById("map-extent");
  const [world, places] = await Promise.all([
    getJson("/static/vendor/countries-110m.json"),
    getJson("/api/map", filterParams()),
  ]);

  const svgEl = (tag, attributes) => {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    return node;
  };
  const svg = svgEl("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "map-svg" });
  box.append(svg);

  const countries = topojson.feature(world, world.objects.countries).features;
  const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
  const maxEvents = Math.max(1, ...places.map((place) => place.events));
  let showWorld = places.length === 0;

  // The corners of the events' extent, widened to MIN_SPAN: what the view fits.
  function eventsExtent() {
    const lons = places.map((place) => place.longitude);
    const lats = places.map((place) => place.latitude);
    const widen = (low, high, limit) => {
      const pad = Math.max(0, MIN_SPAN - (high - low)) / 2 + 4;
      return [Math.max(-limit, low - pad), Math.min(limit, high + pad)];
    };
    const [west, east] = widen(Math.min(...lons), Math.max(...lons), 180);
    const [south, north] = widen(Math.min(...lats), Math.max(...lats), 85);
    return { type: "MultiPoint", coordinates: [[west, south], [east, north], [west, north], [east, south]] };
  }

  const count = (number, one, many) => `${number} ${number === 1 ? one : many}`;

  function radius(place) {
    return 4 + 14 * Math.sqrt(place.events / maxEvents);
  }

  function draw() {
    const projection = d3.geoNaturalEarth1();
    projection.fitExtent([[8, 8], [WIDTH - 8, HEIGHT - 8]], showWorld ? { type: "Sphere" } : eventsExtent());
    const path = d3.geoPath(projection);
    const layer = svgEl("g");
    layer.append(svgEl("path", { d: path({ type: "Sphere" }), class: "map-sphere" }));
    layer.append(svgEl("path", { d: path(d3.geoGraticule10()), class: "map-graticule" }));
    for (const country of countries) {
      const shape = svgEl("path", { d: path(country) || "", class: "map-country" });
      const title = svgEl("title");
      title.textContent = country.properties.name;
      shape.append(title);
      layer.append(shape);
    }
    layer.append(svgEl("path", { d: path(borders), class: "map-border" }));
    // Busiest first, so that smaller circles lie on top and stay clickable.
    const labels = svgEl("g", { class: "map-labels" });
    for (const [index, place] of places.entries()) {
      const [x, y] = projection([place.longitude, place.latitude]);
      const marker = svgEl("circle", {
        cx: x.toFixed(1),
        cy: y.toFixed(1),
        r: radius(place).toFixed(1),
        fill: QUAD_COLOURS[place.quad_class] || "#a0aec0",
        class: `marker ${place.type === "country" ? "country-level" : "city"}`,
        tabindex: "0",
        role: "button",
        "data-place": place.name,
        "data-country": place.country,
        "data-events": String(place.events),
        "data-quad-class": String(place.quad_class ?? ""),
      });
      const title = svgEl("title");
      title.textContent = `${place.name} (${place.country}): ${count(place.events, "event", "events")}`;
      marker.append(title);
      marker.addEventListener("click", () => openPlace(place, marker));
      marker.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          openPlace(place, marker);
        }
      });
      layer.append(marker);
      if (index < LABELLED) {
        const label = svgEl("text", { x: (x + radius(place) + 3).toFixed(1), y: (y + 4).toFixed(1) });
        label.textContent = place.name;
        labels.append(label);
      }
    }
    layer.append(labels);
    svg.replaceChildren(layer);
    extentButton.textContent = showWorld ? "Fit the events" : "Whole world";
    extentButton.disabled = places.length === 0;
  }

  async function openPlace(place, marker) {
    for (const other of svg.querySelectorAll(".marker.selected")) other.classList.remove("selected");
    marker.classList.add("selected");
    const counts = [1, 2, 3, 4]
      .map((quad) => [quad, place[QUAD_KEYS[quad]]])
      .filter(([, count]) => count > 0)
      .map(([quad, count]) => el("li", { className: `quad-${quad}` }, `${count} ${QUAD_CLASSES[quad]}`));
    const heading = el("h3", {}, `${place.name} · ${place.country}`);
    const summary = el("p", { className: "muted" },
      `${place.type} · ${count(place.events, "event", "events")} in ${count(place.stories, "story", "stories")}`);
    show(panel, heading, summary, el("ul", { className: "chips" }, ...counts), el("p", {}, "Loading events…"));
    const params = filterParams({ place: place.name, country: place.country, limit: 50 });
    const events = await getJson("/api/map/events", params);
    const items = events.map((item) =>
      el("li", { className: `quad-${item.quad_class}` },
        link("/events/", item.id, item.sentence),
        el("span", { className: "muted" }, ` ${item.date || "undated"} · ${item.verb} · CAMEO ${item.cameo}`)));
    show(panel, heading, summary, el("ul", { className: "chips" }, ...counts),
      el("ol", { className: "sentences", id: "place-events" }, ...items));
  }

  extentButton.addEventListener("click", () => {
    showWorld = !showWorld;
    draw();
  });
  draw();
  if (places.length === 0) {
    show(panel, el("p", { className: "muted" }, "No placed events match these filters."));
  }
  box.dataset.ready = "true"; // for scripts and tests that drive the page
})();
