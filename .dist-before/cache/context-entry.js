function dirEntry(rel) {
  return { path: rel, type: "dir", mode: "040000", executable: false, size: 0 };
}
function statEntry(rel, st) {
  if (st.isFile()) {
    const executable = (st.mode & 73) !== 0;
    return { path: rel, type: "file", mode: executable ? "100755" : "100644", executable, size: st.size };
  }
  if (st.isSymbolicLink()) return { path: rel, type: "symlink", mode: "120000", executable: false, size: 0 };
  const fileType = (st.mode & 61440).toString(8).padStart(6, "0");
  return { path: rel, type: "other", mode: fileType, executable: false, size: 0 };
}
export {
  dirEntry,
  statEntry
};
//# sourceMappingURL=context-entry.js.map
