import { readFileSync } from "node:fs";
function tarmacVersion() {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  return pkg.version;
}
export {
  tarmacVersion
};
//# sourceMappingURL=version.js.map
