// Copies the browser builds of the workbench's JavaScript libraries out of
// node_modules into static/vendor, so that pages are served offline from the
// package itself. Run by `npm run build` (the Makefile's install does it).
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const vendor = join(here, "static", "vendor");

const assets = {
  "cytoscape.min.js": "node_modules/cytoscape/dist/cytoscape.min.js",
  "chart.umd.min.js": "node_modules/chart.js/dist/chart.umd.min.js",
  "swagger-ui-bundle.js": "node_modules/swagger-ui-dist/swagger-ui-bundle.js",
  "swagger-ui.css": "node_modules/swagger-ui-dist/swagger-ui.css",
  // The map: d3-geo (which needs d3-array) projects, topojson-client unpacks the
  // Natural Earth world outline of world-atlas.
  "d3-array.min.js": "node_modules/d3-array/dist/d3-array.min.js",
  "d3-geo.min.js": "node_modules/d3-geo/dist/d3-geo.min.js",
  "topojson-client.min.js": "node_modules/topojson-client/dist/topojson-client.min.js",
  "countries-110m.json": "node_modules/world-atlas/countries-110m.json",
};

mkdirSync(vendor, { recursive: true });
for (const [name, source] of Object.entries(assets)) {
  copyFileSync(join(root, source), join(vendor, name));
  console.log(`vendor/${name} <- ${source}`);
}
