// Which of a group's units may be played side by side (pure), and running such chains a few at a time.
// `podman kube play` creates what a pod shares with others (a claim's volume, a Secret's podman secret) if it is
// missing, so two plays sharing one race to create it; and a StatefulSet starts its pods in order (`-0` before `-1`),
// as Kubernetes' default OrderedReady policy does. Units linked by any of these (or replicas of one workload) stay in
// one chain, played in the plan's order; chains are independent.
import type { PlayUnit } from './play-plan.js';

/** The units split into chains that share nothing; each chain keeps the plan's order, chains follow the first unit. */
export function playChains(units: readonly PlayUnit[]): PlayUnit[][] {
  const parent = units.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const owner = new Map<string, number>();
  units.forEach((unit, i) => {
    for (const key of sharedKeys(unit)) {
      const first = owner.get(key);
      if (first === undefined) owner.set(key, i);
      else parent[root(i)] = root(first);
    }
  });
  const chains = new Map<number, PlayUnit[]>();
  units.forEach((unit, i) => {
    const r = root(i);
    chains.set(r, [...(chains.get(r) ?? []), unit]);
  });
  return [...chains.values()];
}

// What links a unit to others: its workload when it is one of several ordered pods, its volumes and its secrets.
function sharedKeys(unit: PlayUnit): string[] {
  return [
    `workload:${unit.workload.kind}/${unit.workload.namespace ?? ''}/${unit.workload.name}`,
    ...unit.volumes.map((v) => `volume:${v}`),
    ...unit.secrets.map((s) => `secret:${s}`),
  ];
}

/**
 * Runs the chains, `limit` at a time, each chain's items in order. After a failure no new item starts; those running
 * end (a half-done play must finish before its pod may be removed), then the first failure is thrown.
 */
export async function eachChain<T>(chains: T[][], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  const queue = [...chains];
  let failed = false;
  const worker = async (): Promise<void> => {
    for (let chain = queue.shift(); chain && !failed; chain = queue.shift())
      for (const item of chain) {
        if (failed) return;
        await run(item).catch((error: unknown) => {
          failed = true;
          throw error;
        });
      }
  };
  const ended = await Promise.allSettled(Array.from({ length: Math.min(limit, chains.length) }, worker));
  const rejected = ended.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}
