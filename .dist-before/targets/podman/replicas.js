import { scopedName } from "./names.js";
function podsOf(workload, env) {
  const name = workload.ref.name;
  const count = Math.max(0, Math.floor(workload.replicas));
  if (workload.ordinals) {
    return Array.from({ length: count }, (_, i) => {
      const own = `${name}-${i}`;
      return {
        podName: scopedName(env, own),
        hostname: own,
        aliases: workload.serviceName ? [own, `${own}.${workload.serviceName}`] : [own]
      };
    });
  }
  if (count === 1) return [{ podName: scopedName(env, name), aliases: [] }];
  return Array.from({ length: count }, (_, i) => ({ podName: scopedName(env, `${name}-${i}`), aliases: [] }));
}
export {
  podsOf
};
//# sourceMappingURL=replicas.js.map
