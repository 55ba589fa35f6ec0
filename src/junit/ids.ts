// Stable, unique ids for test cases, the key history uses to follow a test across runs.
import type { JUnitCase } from './types.js';

type Unnamed = Omit<JUnitCase, 'id'>;

/**
 * Gives each case its id: `<classname>.<name>`, or `<suite>/<name>` when the classname is empty
 * or just repeats the name (jest-junit's default templates put the same text in both).
 * Ids that would repeat are qualified with the suite path; any still equal get " #2", " #3"…
 * in document order (node --test names every classname "test", so two describes can clash).
 */
export function assignIds(cases: readonly Unnamed[]): JUnitCase[] {
  const base = cases.map(baseId);
  const counts = countAll(base);
  const qualified = base.map((id, i) => ((counts.get(id) ?? 0) > 1 ? suiteQualified(cases[i] as Unnamed, id) : id));
  const seen = new Map<string, number>();
  return cases.map((c, i) => {
    const id = qualified[i] as string;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return { id: n === 1 ? id : `${id} #${n}`, ...c };
  });
}

function baseId(c: Unnamed): string {
  if (c.classname !== '' && c.classname !== c.name) return `${c.classname}.${c.name}`;
  return c.suite === '' ? c.name : `${c.suite}/${c.name}`;
}

function suiteQualified(c: Unnamed, id: string): string {
  return c.suite === '' || id.startsWith(`${c.suite}/`) ? id : `${c.suite}/${id}`;
}

function countAll(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}
