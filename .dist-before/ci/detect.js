function ciMode(env, flag = false) {
  const ci = flag || env.CI === "true" || env.CI === "1";
  return { ci, github: ci && env.GITHUB_ACTIONS === "true" };
}
export {
  ciMode
};
//# sourceMappingURL=detect.js.map
