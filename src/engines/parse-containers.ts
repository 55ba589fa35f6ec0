// Parser for `ps -a --format json`: podman prints one JSON array, docker one object per line
// with Names and Labels as comma-separated strings.
import type { CommandResult } from '../exec/types.js';
import { bareId, obj, parseJson, str, stringList, stringMap } from './json-fields.js';
import type { ContainerSummary } from './types.js';

/** The containers of a `ps --format json` output, in either engine's shape. */
export function parseContainers(result: CommandResult): ContainerSummary[] {
  const text = result.stdout.trim();
  if (text === '') return [];
  const items = text.startsWith('[')
    ? parseJson(result, text)
    : text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((line) => parseJson(result, line));
  return (Array.isArray(items) ? items : [items]).map((item) => {
    const c = obj(item);
    return {
      id: bareId(str(c.Id) ?? str(c.ID) ?? ''),
      names: stringList(c.Names),
      state: str(c.State) ?? '',
      image: str(c.Image) ?? '',
      labels: parseLabels(c.Labels),
    };
  });
}

/** Labels as podman's object or docker's `k=v,k2=v2` string. */
function parseLabels(value: unknown): Record<string, string> {
  if (typeof value !== 'string') return stringMap(value);
  const out: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}
