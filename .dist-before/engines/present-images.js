const LIST_ARGS = ["images", "--format", "{{.Repository}}:{{.Tag}}"];
const LIST_TIMEOUT_MS = 3e4;
async function imagesPresent(engine, refs, signal) {
  const unique = [...new Set(refs)];
  const listed = unique.length > 1 ? await listedRefs(engine, signal) : /* @__PURE__ */ new Set();
  const answers = await Promise.all(
    unique.map(async (ref) => [ref, listed.has(ref) || await engine.imageExists(ref, signal)])
  );
  return new Map(answers);
}
async function listedRefs(engine, signal) {
  try {
    const result = await engine.exec(LIST_ARGS, { timeoutMs: LIST_TIMEOUT_MS, ...signal ? { signal } : {} });
    return result.ok ? new Set(result.stdout.split("\n").map((line) => line.trim())) : /* @__PURE__ */ new Set();
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
export {
  imagesPresent
};
//# sourceMappingURL=present-images.js.map
