// Where a step "is" in tarmac.yaml: the line of its image, deploy group, cluster or test section,
// from the YAML's own positions, so an annotation lands on the line to fix.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';

type Path = (string | number)[];

/** Line of each step id's config entry; steps without one (or a config that does not parse) are left out. */
export function stepConfigLines(configText: string, stepIds: readonly string[]): Map<string, number> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(configText, { lineCounter });
  const lines = new Map<string, number>();
  if (doc.errors.length > 0) return lines;
  for (const id of stepIds) {
    const path = configPath(doc, id);
    // `getIn(path, true)` keeps the node, whose range starts where its value does.
    const node = path ? (doc.getIn(path, true) as { range?: [number, number, number] } | undefined) : undefined;
    if (node?.range) lines.set(id, lineCounter.linePos(node.range[0]).line);
  }
  return lines;
}

// `build:<image>` and `deliver:<image>` -> images[i].name; `deploy:<group>` and `hook:<group>/<hook>` -> deploy[i].name;
// `cluster:*` -> cluster; `test:*` -> test.
function configPath(doc: Document, stepId: string): Path | undefined {
  const at = stepId.indexOf(':');
  const kind = at < 0 ? stepId : stepId.slice(0, at);
  const subject = at < 0 ? '' : stepId.slice(at + 1);
  if (kind === 'build' || kind === 'deliver') return namedEntry(doc, 'images', subject);
  if (kind === 'deploy') return namedEntry(doc, 'deploy', subject);
  if (kind === 'hook') return namedEntry(doc, 'deploy', subject.split('/')[0] ?? '');
  if (kind === 'cluster' || kind === 'test') return [kind];
  return undefined;
}

function namedEntry(doc: Document, list: string, name: string): Path | undefined {
  const seq = doc.get(list, true);
  if (!isSeq(seq)) return undefined;
  const index = seq.items.findIndex(
    (item) => isMap(item) && isScalar(item.get('name', true)) && String(item.get('name')) === name,
  );
  return index < 0 ? undefined : [list, index, 'name'];
}
