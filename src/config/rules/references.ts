// Rules for a named list whose entries refer to each other (images/dependsOn, deploy/after):
// unique names, references to entries that exist, no self-reference, no cycle.
import type { Finding } from '../finding.js';
import { suggestionHint } from '../suggest.js';
import { findCycles, formatCycle } from './cycles.js';
import { entries, text, texts } from './raw.js';

/** What differs between the lists checked: keys and the words used in messages. */
export interface NamedListSpec {
  listKey: string;
  refKey: string;
  /** `Image`, `Deploy group` */
  noun: string;
  duplicateHint: string;
  cycleHint: string;
}

/** Every problem with names and references in the list `data[spec.listKey]`. */
export function checkNamedList(data: unknown, spec: NamedListSpec): Finding[] {
  const { listKey, refKey, noun } = spec;
  const items = entries(data, listKey).map(({ index, item }) => ({
    index,
    name: text(item, 'name'),
    refs: texts(item, refKey),
  }));
  const findings: Finding[] = [];
  const firstIndex = new Map<string, number>();
  for (const { index, name } of items) {
    if (name === undefined) continue;
    const first = firstIndex.get(name);
    if (first === undefined) firstIndex.set(name, index);
    else
      findings.push({
        path: [listKey, index, 'name'],
        message: `${noun} name \`${name}\` is already used by ${listKey}[${first}]`,
        hint: spec.duplicateHint,
      });
  }
  const names = [...firstIndex.keys()];
  const edges = new Map<string, string[]>();
  for (const { index, name, refs } of items) {
    for (const ref of refs) {
      const path = [listKey, index, refKey, ref.index];
      if (ref.value === name) {
        findings.push({
          path,
          message: `${noun} \`${name}\` lists itself in \`${refKey}\``,
          hint: `Remove \`${name}\` from its own \`${refKey}\`.`,
        });
      } else if (!firstIndex.has(ref.value)) {
        const hint =
          suggestionHint(ref.value, names, `${noun}s in this file`) ?? `This file defines no ${noun.toLowerCase()}s.`;
        findings.push({ path, message: `Unknown ${noun.toLowerCase()} \`${ref.value}\` in \`${refKey}\``, hint });
      }
    }
    // Duplicates keep the first entry's edges, matching how the names resolve.
    if (name !== undefined && firstIndex.get(name) === index)
      edges.set(
        name,
        refs.map((r) => r.value),
      );
  }
  for (const cycle of findCycles(names, edges)) {
    const [from, to] = cycle;
    const origin = items.find((i) => i.index === firstIndex.get(from ?? ''));
    const refIndex = origin?.refs.find((r) => r.value === to)?.index ?? 0;
    findings.push({
      path: [listKey, origin?.index ?? 0, refKey, refIndex],
      message: `\`${refKey}\` forms a cycle: ${formatCycle(cycle)}`,
      hint: spec.cycleHint,
    });
  }
  return findings;
}
