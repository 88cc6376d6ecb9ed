// Writes src/newsgraph/data/geo/country_centroids.tsv: one point per country, where the
// map and the GDELT export put an event or actor known only by its country.
// The point is the spherical centroid of the country's largest polygon in Natural Earth's
// 1:50m admin-0 countries (public domain, from the world-atlas npm package), so France
// sits in France rather than between it and French Guiana. Run with
// `node tools/country_centroids.mjs` after updating world-atlas; the output is committed.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { geoArea, geoCentroid } from "d3-geo";
import { feature } from "topojson-client";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const topology = JSON.parse(
  readFileSync(join(root, "node_modules/world-atlas/countries-50m.json"), "utf8"),
);
const countries = feature(topology, topology.objects.countries).features;

function largestPart(geometry) {
  if (geometry.type !== "MultiPolygon") return geometry;
  const parts = geometry.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }));
  return parts.reduce((best, part) => (geoArea(part) > geoArea(best) ? part : best));
}

// A code shared by a country and its small territories (Australia, Ashmore and
// Cartier Is.) keeps the largest of them.
const byCode = new Map();
for (const country of countries) {
  if (!country.id || !country.geometry) continue; // disputed areas carry no ISO code
  const part = largestPart(country.geometry);
  const code = Number(country.id);
  const known = byCode.get(code);
  if (!known || geoArea(part) > known.area) {
    byCode.set(code, { name: country.properties.name, part, area: geoArea(part) });
  }
}
const lines = ["iso_numeric\tname\tlatitude\tlongitude"];
for (const [code, { name, part }] of [...byCode].sort((a, b) => a[0] - b[0])) {
  const [longitude, latitude] = geoCentroid(part);
  lines.push(`${code}\t${name}\t${latitude.toFixed(4)}\t${longitude.toFixed(4)}`);
}
const out = join(root, "src/newsgraph/data/geo/country_centroids.tsv");
writeFileSync(out, lines.join("\n") + "\n");
console.log(`${lines.length - 1} countries -> ${out}`);
