import { historyExists, openHistory } from "./store.js";
function withHistory(path, read) {
  if (!historyExists(path)) return void 0;
  const db = openHistory(path);
  try {
    return read(db);
  } finally {
    db.close();
  }
}
function noHistoryText(path, env) {
  return `no runs of ${env} recorded yet in ${path}; \`tarmac up\`, \`build\` and \`test\` record every run there
`;
}
export {
  noHistoryText,
  withHistory
};
//# sourceMappingURL=read-history.js.map
