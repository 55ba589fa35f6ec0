const wrap = (open, close) => (s) => `\x1B[${open}m${s}\x1B[${close}m`;
const plain = (s) => s;
function colorsFor(isTTY, env) {
  const enabled = isTTY && env.NO_COLOR === void 0 && env.TERM !== "dumb";
  if (!enabled) return { red: plain, green: plain, yellow: plain, dim: plain, bold: plain, cyan: plain };
  return {
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
    cyan: wrap(36, 39)
  };
}
export {
  colorsFor
};
//# sourceMappingURL=colors.js.map
