import { assertOurNetwork, createNetwork, inspectNetwork } from "./network.js";
async function ensureNetwork(deps, signal) {
  const existing = await inspectNetwork(deps.cli, deps.network, signal);
  let result;
  if (!existing) {
    result = { action: "created", reason: `created network ${deps.network} (DNS on)` };
  } else {
    assertOurNetwork(existing, deps.id);
    if (existing.dnsEnabled && deps.reuse === "healthy") {
      await record(deps);
      return { action: "reused", reason: `network ${deps.network} exists with DNS on` };
    }
    result = {
      action: "recreated",
      reason: existing.dnsEnabled ? "reuse: never, recreating the env" : `network ${deps.network} has DNS disabled: recreating the env`
    };
    await deps.teardown();
  }
  await createNetwork(deps.cli, deps.network, deps.id, signal);
  await record(deps);
  return result;
}
async function record(deps) {
  await deps.store.update((state) => {
    state.network = { name: deps.network, created: true };
  });
}
export {
  ensureNetwork
};
//# sourceMappingURL=ensure.js.map
