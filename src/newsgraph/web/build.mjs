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
};

mkdirSync(vendor, { recursive: true });
for (const [name, source] of Object.entries(assets)) {
  copyFileSync(join(root, source), join(vendor, name));
  console.log(`vendor/${name} <- ${source}`);
}
