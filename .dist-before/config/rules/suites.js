import { CLUSTER_NAME_MAX } from "../names.js";
import { suggestionHint } from "../suggest.js";
import { entries, text, texts } from "./raw.js";
function checkSuites(ctx) {
  const images = entries(ctx.data, "images").flatMap(({ item }) => text(item, "name") ?? []);
  const shared = entries(ctx.data, "deploy").flatMap(({ item }) => text(item, "name") ?? []);
  const env = text(ctx.data, "name") ?? "";
  const errors = [];
  const seen = /* @__PURE__ */ new Map();
  for (const { index, item } of entries(ctx.data, "suites")) {
    const at = (...rest) => ["suites", index, ...rest];
    const name = text(item, "name");
    if (name !== void 0) {
      const first = seen.get(name);
      if (first === void 0) seen.set(name, index);
      else
        errors.push({
          path: at("name"),
          message: `Suite name \`${name}\` is already used by suites[${first}]`,
          hint: "Suite names must be unique; rename one of them."
        });
    }
    errors.push(...unknownRefs(texts(item, "images"), images, at, "images", "image", "Images in this file"));
    errors.push(...unknownRefs(texts(item, "uses"), shared, at, "uses", "deploy group", "Top-level deploy groups"));
    const own = entries(item, "deploy").flatMap(({ index: i, item: g }) => {
      const group = text(g, "name");
      return group === void 0 ? [] : [{ index: i, name: group, after: texts(g, "after") }];
    });
    const usedNames = texts(item, "uses").map((u) => u.value);
    for (const group of own) {
      if (usedNames.includes(group.name))
        errors.push({
          path: at("deploy", group.index, "name"),
          message: `Deploy group \`${group.name}\` is both used from the top level and declared in this suite`,
          hint: `Rename the suite's own group, or remove \`${group.name}\` from \`uses\`.`
        });
    }
    const groups = [...usedNames.filter((u) => shared.includes(u)), ...own.map((g) => g.name)];
    for (const group of own)
      errors.push(
        ...unknownRefs(
          group.after,
          groups,
          (...r) => at("deploy", group.index, ...r),
          "after",
          "deploy group",
          "Groups of this suite"
        )
      );
    const clusterNames = /* @__PURE__ */ new Set();
    for (const { index: c, item: cluster } of entries(item, "clusters")) {
      const clusterName = text(cluster, "name");
      if (clusterName !== void 0 && clusterNames.has(clusterName))
        errors.push({
          path: at("clusters", c, "name"),
          message: `Cluster name \`${clusterName}\` is used twice in this suite`,
          hint: "Name each cluster of a suite differently, e.g. `hub` and `spoke`."
        });
      if (clusterName !== void 0) clusterNames.add(clusterName);
      const full = `${env}-${name ?? ""}-${clusterName ?? ""}`;
      if (name !== void 0 && clusterName !== void 0 && full.length > CLUSTER_NAME_MAX)
        errors.push({
          path: at("clusters", c, "name"),
          message: `The cluster name \`${full}\` is ${full.length} characters; kind allows ${CLUSTER_NAME_MAX}`,
          hint: "Shorten the env, suite or cluster name."
        });
      errors.push(
        ...unknownRefs(
          texts(cluster, "deploy"),
          groups,
          (...r) => at("clusters", c, ...r),
          "deploy",
          "deploy group",
          "Groups of this suite"
        )
      );
    }
  }
  return { errors, warnings: [] };
}
function unknownRefs(refs, known, at, key, noun, what) {
  return refs.filter((r) => !known.includes(r.value)).map((r) => ({
    path: at(key, r.index),
    message: `Unknown ${noun} \`${r.value}\` in \`${key}\``,
    hint: suggestionHint(r.value, known, what) ?? `No ${noun} of that name here.`
  }));
}
export {
  checkSuites
};
//# sourceMappingURL=suites.js.map
