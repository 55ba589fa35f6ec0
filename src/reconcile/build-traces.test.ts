import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBuildLog, runBuildTraces } from './build-traces.js';
import { tempDirs } from '../files/temp-dir.test-kit.js';

const newTracesTestDir = tempDirs('traces-test');

// Recorded from a real `podman build` (podman 4.3.1) killed during its RUN step.
const LOG = `STEP 1/12: FROM localhost/base:tm-20bcb35eab79
STEP 2/12: ARG WORK=300
--> 876f9d5a696
STEP 3/12: COPY heavy-work.sh /opt/holmesgpt/heavy-work.sh
--> Using cache b946b02ccc55d97cde362a7480d231788e11abd63135bf610e61a5135cdbe2dd
--> b946b02ccc5
STEP 4/12: RUN ["/bin/busybox", "sh", "/opt/holmesgpt/heavy-work.sh"]
heavy-work: 25/200 rounds
--> not-hex`;

describe('parseBuildLog', () => {
  it('finds committed layer ids and FROM references', () => {
    const traces = parseBuildLog(LOG);
    expect(traces.layerIds).toEqual([
      '876f9d5a696',
      'b946b02ccc55d97cde362a7480d231788e11abd63135bf610e61a5135cdbe2dd',
      'b946b02ccc5',
    ]);
    expect(traces.fromRefs).toEqual(['localhost/base:tm-20bcb35eab79']);
  });

  it('reads only the build step logs of a run', () => {
    const dir = newTracesTestDir();
    mkdirSync(join(dir, 'steps'));
    writeFileSync(join(dir, 'steps', 'build_holmesgpt-api.log'), LOG);
    writeFileSync(join(dir, 'steps', 'test.log'), '--> 0123456789ab\n');
    const traces = runBuildTraces(dir);
    expect(traces.layerIds).not.toContain('0123456789ab');
    expect(traces.fromRefs).toEqual(['localhost/base:tm-20bcb35eab79']);
    expect(runBuildTraces(join(dir, 'missing'))).toEqual({ layerIds: [], fromRefs: [] });
  });
});
