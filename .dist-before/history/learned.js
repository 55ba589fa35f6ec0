import { readLearnedDurations } from "./expected.js";
function learnedDurations(historyPath, envName, warn) {
  try {
    return new Map(Object.entries(readLearnedDurations(historyPath, envName)));
  } catch (error) {
    warn(
      `history: planning with default estimates; could not read ${historyPath}: ${error instanceof Error ? error.message : String(error)}`
    );
    return /* @__PURE__ */ new Map();
  }
}
export {
  learnedDurations
};
//# sourceMappingURL=learned.js.map
