// Where a step "is" in tarmac.yaml: the line of its image, deploy group, cluster or test section,
// from the YAML's own positions, so an annotation lands on the line to fix.
import { isMap, isScalar, isSeq } from 'yaml';
import { locate, parseYaml, type YamlSource } from '../config/yaml-source.js';

/** Line of each step id's config entry; steps without one (or a config that does not parse) are left out. */
export function stepConfigLines(configText: string, stepIds: readonly string[]): Map<string, number> {
  const { source, errors } = parseYaml(configText);
  const lines = new Map<string, number>();
  if (errors.length > 0) return lines;
  for (const id of stepIds) {
    const path = configPath(source, id);
    if (path) lines.set(id, locate(source, path).line);
  }
  return lines;
}

// `build:<image>` and `deliver:<image>` -> images[i]; `deploy:<group>` -> deploy[i]; `cluster:*` -> cluster; `test:*` -> test.
function configPath(source: YamlSource, stepId: string): (string | number)[] | undefined {
  const [kind = '', subject = ''] = splitId(stepId);
  if (kind === 'build' || kind === 'deliver') return entryPath(source, 'images', subject);
  if (kind === 'deploy') return entryPath(source, 'deploy', subject);
  if (kind === 'cluster' || kind === 'test') return hasKey(source, kind) ? [kind] : undefined;
  return undefined;
}

function splitId(id: string): [string, string] {
  const at = id.indexOf(':');
  return at < 0 ? [id, ''] : [id.slice(0, at), id.slice(at + 1)];
}

function entryPath(source: YamlSource, list: string, name: string): (string | number)[] | undefined {
  const seq = rootValue(source, list);
  if (!isSeq(seq)) return undefined;
  const index = seq.items.findIndex(
    (item) =>
      isMap(item) &&
      item.items.some(
        (p) => isScalar(p.key) && p.key.value === 'name' && isScalar(p.value) && String(p.value.value) === name,
      ),
  );
  return index < 0 ? undefined : [list, index, 'name'];
}

function hasKey(source: YamlSource, key: string): boolean {
  return rootValue(source, key) !== undefined;
}

function rootValue(source: YamlSource, key: string): unknown {
  const root = source.doc.contents;
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
  return pair ? (pair.value ?? null) : undefined;
}
