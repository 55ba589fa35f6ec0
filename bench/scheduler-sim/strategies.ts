// The seed's strategies as simulator policies. Loads run one at a time in every seed strategy, as kubernaut's
// LoadImagesAndCleanup does; after a crash the failed steps are simply started again (the same plan, retried).
import type { CrashSimPolicy as SimPolicy } from '../../src/plan/simulate-crash.js';
import { CLUSTER, DEPLOY, IMAGES, build, load } from './workload.js';

/** Runs the groups in order: every step of a group starts together, the next group once the group is done. */
export function phases(groups: readonly (readonly string[])[]): SimPolicy {
  return ({ ready, done }) => {
    const current = groups.find((g) => g.some((id) => !done.has(id)));
    return ready.filter((s) => current?.includes(s.id)).map((s) => s.id);
  };
}

/** Starts every ready step at once (no cap). */
export const fullParallel: SimPolicy = ({ ready }) => ready.map((s) => s.id);

const names = IMAGES.map((i) => i.name);
const loadsOneByOne = names.map((n) => [load(n)]);

/** The seed's serial flow (Dec 15): create the cluster, build one image at a time, load one at a time, deploy. */
export const serial = phases([[CLUSTER], ...names.map((n) => [build(n)]), ...loadsOneByOne, [DEPLOY]]);

/** The triage's "smart serial 2+1": cluster, then the two light builds together, then the heavy one alone. */
export const smartSerial = phases([
  [CLUSTER],
  [build('datastorage'), build('aianalysis')],
  [build('holmesgpt-api')],
  ...loadsOneByOne,
  [DEPLOY],
]);

/** kubernaut's final "hybrid" flow (DD-TEST-002): all builds at once, then the cluster, then the loads. */
export const buildFirstParallel = phases([names.map(build), [CLUSTER], ...loadsOneByOne, [DEPLOY]]);

/** Build-first with the builds one at a time (the order that does not crash this engine). */
export const buildFirstSerial = phases([...names.map((n) => [build(n)]), [CLUSTER], ...loadsOneByOne, [DEPLOY]]);
