const hookStepId = (group, hook) => `hook:${group}/${hook}`;
function groupDoneStep(group, deployStep) {
  const last = group.hooks?.after.at(-1);
  return last ? hookStepId(group.name, last.name) : deployStep;
}
function lastBeforeHook(group) {
  const last = group.hooks?.before.at(-1);
  return last ? hookStepId(group.name, last.name) : void 0;
}
function hookDrafts(group, base, firstDeps, deployStep) {
  const drafts = [];
  const chain = (hooks, start) => {
    let deps = start;
    for (const hook of hooks) {
      const id = hookStepId(group.name, hook.name);
      drafts.push({
        ...base,
        id,
        kind: "hook",
        subject: `${group.name}/${hook.name}`,
        deps,
        claims: { engine: 0 },
        timeoutMs: hook.timeoutMs,
        retry: "never"
      });
      deps = [id];
    }
  };
  chain(group.hooks?.before ?? [], firstDeps);
  chain(group.hooks?.after ?? [], [deployStep]);
  return drafts;
}
export {
  groupDoneStep,
  hookDrafts,
  hookStepId,
  lastBeforeHook
};
//# sourceMappingURL=hook-steps.js.map
