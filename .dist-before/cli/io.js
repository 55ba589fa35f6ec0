function processIo() {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}
export {
  processIo
};
//# sourceMappingURL=io.js.map
