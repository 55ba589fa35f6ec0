// Parses `helm template` output like any manifest text, then names each object after the chart template it came
// from (helm's `# Source:` comments) and leaves out `helm test` hooks, which an install never creates.
import { asString, dig } from './json-access.js';
import { parseManifests } from './parse-manifests.js';
import type { SourcedObject } from './types.js';

const SOURCE = /^# Source: (.+)$/;

/** Objects of a rendered chart; `file` is `<template> (chart <shown>)`, `line` counts from that template's output. */
export function parseHelmOutput(yaml: string, shown: string): SourcedObject[] {
  const sources = yaml.split('\n').flatMap((text, index) => {
    const match = SOURCE.exec(text.trimEnd());
    return match?.[1] === undefined ? [] : [{ line: index + 1, source: match[1] }];
  });
  return parseManifests(yaml, `helm template ${shown}`)
    .filter((item) => !isTestHook(item.object))
    .map((item) => {
      const from = sources.filter((s) => s.line < item.line).at(-1);
      return from === undefined
        ? item
        : { ...item, file: `${from.source} (chart ${shown})`, line: item.line - from.line };
    });
}

// `helm.sh/hook: test` (or the old test-success / test-failure) marks a pod that only `helm test` runs.
function isTestHook(object: unknown): boolean {
  const hooks = asString(dig(object, 'metadata', 'annotations', 'helm.sh/hook'));
  return hooks?.split(',').some((hook) => hook.trim().startsWith('test')) ?? false;
}
