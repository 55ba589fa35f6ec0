function fits(claim, inUse, capacity) {
  if (claim <= 0) return true;
  if (inUse + claim <= capacity) return true;
  return claim > capacity && inUse === 0;
}
function readyOrder(rank) {
  return (a, b) => b.priority - a.priority || b.claims.engine - a.claims.engine || (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0);
}
function stepsToStart(ready, holders, capacity, now, rank) {
  const sorted = [...ready].sort(readyOrder(rank));
  const byId = new Map(sorted.map((s) => [s.id, s]));
  const candidates = sorted.map((s) => ({ id: s.id, claim: s.claims.engine, estimateMs: s.estimateMs }));
  return admit(candidates, holders, capacity, now).map((id) => byId.get(id));
}
function admit(candidates, holders, capacity, now) {
  const held = holders.map((h) => ({ claim: h.claim, expectedEndAt: Math.max(now, h.expectedEndAt) }));
  let inUse = held.reduce((sum, h) => sum + Math.max(0, h.claim), 0);
  let reservation;
  const started = [];
  for (const candidate of candidates) {
    if (!fits(candidate.claim, inUse, capacity)) {
      reservation ??= reserve(candidate.claim, held, inUse, capacity, now);
      continue;
    }
    const endsBy = now + candidate.estimateMs;
    if (reservation && endsBy > reservation.at) {
      if (candidate.claim > reservation.spare) continue;
      reservation.spare -= candidate.claim;
    }
    started.push(candidate.id);
    inUse += Math.max(0, candidate.claim);
    held.push({ claim: candidate.claim, expectedEndAt: endsBy });
  }
  return started;
}
function reserve(claim, held, inUse, capacity, now) {
  let used = inUse;
  let at = now;
  for (const holder of held.filter((h) => h.claim > 0).sort((a, b) => a.expectedEndAt - b.expectedEndAt)) {
    if (fits(claim, used, capacity)) break;
    used -= Math.max(0, holder.claim);
    at = Math.max(at, holder.expectedEndAt);
  }
  const spare = claim > capacity ? 0 : Math.max(0, capacity - used - claim);
  return { at, spare };
}
export {
  admit,
  fits,
  readyOrder,
  stepsToStart
};
//# sourceMappingURL=admission.js.map
