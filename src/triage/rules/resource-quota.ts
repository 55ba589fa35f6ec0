// A ResourceQuota (or LimitRange) of the namespace refused an object: "exceeded quota: NAME, requested: ...,
// used: ..., limited: ..." or "failed quota: NAME: must specify limits.cpu,...". Pods or PVCs are then never
// created (a FailedCreate event on the controller).
import type { Match, Rule, TriageInput } from '../types.js';
import { clusterName, conf } from './evidence-facts.js';
import { markerRe, outputMatching, outputTexts } from './infra-markers.js';

export const resourceQuota: Rule = {
  id: 'resource-quota',
  title: "A namespace's ResourceQuota refused an object",
  refs: ['corpus: quota'],
  match(input: TriageInput): Match | undefined {
    const lines = outputMatching(input, markerRe('quota'), 3);
    if (lines.length === 0) return undefined;
    const text = outputTexts(input, markerRe('quota'), 3).join('\n');
    const quota = /(?:exceeded|failed) quota: ([\w.-]+)/.exec(text)?.[1];
    const mustSpecify = /must specify ([\w.,]+)/.exec(text)?.[1];
    const name = clusterName(input);
    return {
      confidence: conf(0.9),
      explains: ['quota', 'rbac'],
      summary: mustSpecify
        ? `ResourceQuota ${quota ?? ''} requires every pod to set ${mustSpecify}, and the workload does not: its pods are refused.`.replace(
            '  ',
            ' ',
          )
        : `ResourceQuota ${quota ?? 'of the namespace'} is used up: the object's request would exceed it, so it is refused.`,
      evidence: lines,
      actions: [
        `kubectl --context kind-${name} describe resourcequota -A`,
        mustSpecify
          ? 'set resources.requests and resources.limits on every container (or add a LimitRange with defaults)'
          : 'lower the request, free quota, or raise the ResourceQuota',
      ],
    };
  },
};
