async function removePods(cli, names, signal) {
  if (names.length === 0) return;
  await cli.run(["pod", "stop", "--ignore", "-t", "0", ...names], { signal });
  await cli.must(["pod", "rm", "-f", "--ignore", ...names], `Could not remove pod(s) ${names.join(", ")}`, { signal });
}
export {
  removePods
};
//# sourceMappingURL=remove-pods.js.map
