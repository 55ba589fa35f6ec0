// Shared by the podman adapter's tests: the recorded podman version, the fixture labels, and an engine over a fake
// runner that answers by verb.
import { answerByVerb } from './engine.test-kit.js';
import { createPodmanEngine, podmanGlobalArgs, type PodmanOptions } from './podman.js';

/** The podman version whose outputs test/fixtures/engines holds. */
export const P = 'podman-4.3.1';
/** The labels the recorded fixtures were made with. */
export const LABELS = { 'io.tarmac.managed': 'true', 'io.tarmac.env': 'tarmac-fixture-recording' };

/** A podman engine over a fake runner answering by verb. */
export function engineAnswering(answers: Parameters<typeof answerByVerb>[0], options: PodmanOptions = {}) {
  const runner = answerByVerb(answers, podmanGlobalArgs(options).length);
  return { engine: createPodmanEngine(runner, options), runner };
}
