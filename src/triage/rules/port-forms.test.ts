// A port that was already taken, where the env did not publish it (issue 14): a test command's own container or
// server, and the scheduler's NodePorts filter; EADDRINUSE is an infrastructure marker. Each with a near miss.
import { describe, expect, it } from 'vitest';
import type { EventError } from '../../events/types.js';
import { diagnose } from '../diagnose.js';
import { inputOf, journal, kindEnv, runOf, workloads } from '../triage.test-kit.js';
import type { PodFacts } from '../types.js';
import { hostPortInUse } from './host-port-in-use.js';
import { markersIn } from './infra-markers.js';
import { unschedulable } from './unschedulable.js';

function runWith(id: string, code: EventError['code'], tail: string[]) {
  return runOf(journal([{ id, error: { code, message: `${id} failed`, tail } }]), kindEnv('shop-e2e'));
}

function pending(event: string): PodFacts {
  return {
    name: 'web-0',
    phase: 'Pending',
    ready: false,
    restarts: 0,
    reasons: ['Unschedulable'],
    images: [],
    events: [event],
    logTail: [],
  };
}

describe("a test command's own container or server that found its port taken", () => {
  it.each([
    'docker: Error response from daemon: driver failed programming external connectivity on endpoint web (abc): Bind for 0.0.0.0:8080 failed: port is already allocated.',
    'Error: listen EADDRINUSE: address already in use :::3000',
  ])('is the port, at 60%, and outranks "tests failed": %s', (line) => {
    const input = inputOf(runWith('test', 'TESTS_FAILED', [line]));
    expect(hostPortInUse.match(input)?.confidence).toBe(0.6);
    expect(diagnose(input).verdicts[0]?.ruleId).toBe('host-port-in-use');
  });

  it('near miss: a test that failed on an assertion names no port', () => {
    const input = inputOf(runWith('test', 'TESTS_FAILED', ['AssertionError: expected 200, got 500']));
    expect(hostPortInUse.match(input)).toBeUndefined();
    expect(markersIn([{ source: 'out', text: 'AssertionError: expected 200, got 500' }])).toEqual([]);
  });
});

describe("the scheduler's NodePorts filter", () => {
  const deploy = runWith('deploy:web', 'DEPLOY_TIMEOUT', []);

  it('a hostPort taken on every node is the port; unschedulable defers to it', () => {
    const pod = pending(
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    );
    const input = inputOf(deploy, { workloads: workloads([pod]) });
    expect(hostPortInUse.match(input)?.confidence).toBe(0.85);
    expect(unschedulable.match(input)?.confidence).toBe(0.45);
  });

  it('near miss: a pod short of CPU is not a port', () => {
    const pod = pending('0/1 nodes are available: 1 Insufficient cpu.');
    const input = inputOf(deploy, { workloads: workloads([pod]) });
    expect(hostPortInUse.match(input)).toBeUndefined();
    expect(unschedulable.match(input)?.confidence).toBe(0.8);
  });
});
