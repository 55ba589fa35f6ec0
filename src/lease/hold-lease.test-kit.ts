// Test fixture, run as a child process by engine-lease.test.ts: joins a lease, takes units, and holds them until it is
// killed (or gives up after a minute, so a failed test leaves nothing behind).
import { openEngineLease } from './engine-lease.js';

const [dir, engineKey, units] = process.argv.slice(2);
if (!dir || !engineKey || !units) throw new Error('usage: hold-lease.test-kit.ts DIR ENGINE_KEY UNITS');
const lease = openEngineLease({
  dir,
  engineKey,
  capacity: 2,
  hostCapacity: 2,
  runId: `child-${process.pid}`,
  env: 'child',
});
await lease.acquire(Number(units), 'build:held', new AbortController().signal);
setTimeout(() => lease.close(), 60_000);
