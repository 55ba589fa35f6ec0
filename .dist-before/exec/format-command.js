const SAFE = /^[\w@%+=:,./-]+$/;
function quoteArg(arg) {
  if (arg !== "" && SAFE.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}
function formatCommand(cmd, args) {
  return [cmd, ...args].map(quoteArg).join(" ");
}
export {
  formatCommand,
  quoteArg
};
//# sourceMappingURL=format-command.js.map
