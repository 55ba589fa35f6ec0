import { LABEL_ENV, LABEL_IMAGE } from "../engines/labels.js";
import { formatSize } from "../config/size.js";
function assessDisk(input) {
  const { needBytes, needBasis } = expectedNeed(input);
  const low = input.mounts.filter((m) => m.freeBytes < needBytes);
  const candidates = pruneCandidates(input);
  if (low.length === 0) return { needBytes, needBasis, low, candidates, lines: [] };
  const lines = low.map(
    (m) => `disk: low free space at ${m.label} ${m.path}: ${formatSize(m.freeBytes)} free, expected need ${formatSize(needBytes)} (${needBasis})`
  );
  if (candidates.length === 0) {
    lines.push(
      "disk: tarmac holds no dangling or superseded images to prune; free space outside tarmac (other images: `podman system df`), or lower disk.minFree"
    );
  } else {
    const total = candidates.reduce((sum, c) => sum + c.sizeBytes, 0);
    lines.push(`disk: tarmac's own images that can go (${formatSize(total)} in all):`);
    for (const c of candidates.slice(0, 10))
      lines.push(
        `disk:   ${c.id.slice(0, 12)} ${formatSize(c.sizeBytes).padStart(9)} ${c.why} ${c.name}${c.ageMs !== void 0 ? `, ${days(c.ageMs)} old` : ""}`
      );
    if (candidates.length > 10) lines.push(`disk:   \u2026 and ${candidates.length - 10} more`);
    lines.push(`disk: remove them: ${input.engineBin} image rm ${candidates.map((c) => c.id.slice(0, 12)).join(" ")}`);
  }
  lines.push(
    'disk: or let tarmac prune its dangling images on its own: set disk.prune.danglingOlderThan (e.g. "7d") in tarmac.yaml'
  );
  return { needBytes, needBasis, low, candidates, lines };
}
function expectedNeed(input) {
  const fromHistory = sumKnown(input.imageNames, input.historySizes);
  const engineSizes = new Map(
    newestPerName(input.tarmacImages.filter((i) => i.labels[LABEL_ENV] === input.envName)).map((i) => [
      i.labels[LABEL_IMAGE] ?? "",
      i.sizeBytes
    ])
  );
  const fromEngine = sumKnown(input.imageNames, engineSizes);
  const [source, known] = fromHistory.count > 0 ? ["run history", fromHistory] : ["this env's images in the engine", fromEngine];
  const minText = `disk.minFree ${formatSize(input.minFreeBytes)}`;
  if (known.count === 0) return { needBytes: input.minFreeBytes, needBasis: `${minText}; no image sizes known yet` };
  if (known.bytes <= input.minFreeBytes)
    return {
      needBytes: input.minFreeBytes,
      needBasis: `${minText}, above the ${formatSize(known.bytes)} of ${known.count} image(s) from ${source}`
    };
  return {
    needBytes: known.bytes,
    needBasis: `${known.count} image(s) total ${formatSize(known.bytes)} from ${source}, above ${minText}`
  };
}
function pruneCandidates(input) {
  const age = (i) => i.created ? Math.max(0, input.now - Date.parse(i.created)) : void 0;
  const withAge = (i, c) => {
    const a = age(i);
    return a === void 0 || Number.isNaN(a) ? c : { ...c, ageMs: a };
  };
  const dangling = input.tarmacImages.filter((i) => i.tags.length === 0).map(
    (i) => withAge(i, {
      id: i.id,
      sizeBytes: i.sizeBytes,
      why: "dangling",
      name: i.labels[LABEL_IMAGE] ?? i.labels[LABEL_ENV] ?? "untagged"
    })
  );
  const tagged = input.tarmacImages.filter((i) => i.tags.length > 0 && i.labels[LABEL_ENV] === input.envName);
  const newest = new Set(newestPerName(tagged).map((i) => i.id));
  const superseded = tagged.filter((i) => !newest.has(i.id)).map((i) => withAge(i, { id: i.id, sizeBytes: i.sizeBytes, why: "superseded", name: i.tags.join(",") }));
  return [...dangling, ...superseded].sort((a, b) => b.sizeBytes - a.sizeBytes);
}
function danglingOlderThan(images, olderThanMs, now) {
  return images.filter(
    (i) => i.tags.length === 0 && i.created !== void 0 && now - Date.parse(i.created) > olderThanMs
  );
}
function newestPerName(images) {
  const byName = /* @__PURE__ */ new Map();
  for (const i of images) {
    const name = i.labels[LABEL_IMAGE];
    if (name === void 0) continue;
    const seen = byName.get(name);
    if (!seen || Date.parse(i.created ?? "") > Date.parse(seen.created ?? "")) byName.set(name, i);
  }
  return [...byName.values()];
}
function sumKnown(names, sizes) {
  let bytes = 0;
  let count = 0;
  for (const n of names) {
    const s = sizes?.get(n);
    if (s !== void 0) {
      bytes += s;
      count += 1;
    }
  }
  return { bytes, count };
}
function days(ms) {
  const d = ms / 864e5;
  return d >= 1 ? `${Math.floor(d)}d` : `${Math.floor(ms / 36e5)}h`;
}
export {
  assessDisk,
  danglingOlderThan,
  expectedNeed,
  pruneCandidates
};
//# sourceMappingURL=assess.js.map
