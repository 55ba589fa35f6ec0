#!/usr/bin/env node
// The quickstart: `npm run example` prepares the bundled example and runs `tarmac up` on it.
// Where this machine's podman cannot run containers with its defaults, it uses the project's
// containers.conf (scripts/podman-conf.mjs decides; an existing CONTAINERS_CONF is kept).
// Extra arguments go to `tarmac up`, e.g. `npm run example -- --plain`; `--example full` runs examples/full (the grown
// example: namespace, CRD, RBAC, StatefulSet, Job, seeding hook, Helm chart; needs `helm` on PATH) instead.
// `--twice` checks instead of showing: up with the suite, a second up that must find every step cached, then down
// (scripts/example-twice.mjs; exit non-zero naming the steps that were redone).
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { checkTwice } from './example-twice.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const run = (args, env = process.env) => spawnSync(node, args, { stdio: 'inherit', env, cwd: root }).status ?? 1;

const args = process.argv.slice(2);
const at = args.indexOf('--example');
const example = at === -1 ? 'aianalysis' : args.splice(at, 2)[1];
const twice = args.includes('--twice');
if (twice) args.splice(args.indexOf('--twice'), 1);
if (!['aianalysis', 'full'].includes(example ?? '')) {
  console.error(`example: --example takes aianalysis or full, not ${example ?? 'nothing'}`);
  process.exit(2);
}

// examples/full reuses the services (and so the prepared base image) of examples/aianalysis.
if (run([join(root, 'examples/aianalysis/prepare.mjs')]) !== 0) process.exit(1);
const env = { ...process.env };
if (!env.CONTAINERS_CONF) {
  const conf = spawnSync(node, [join(root, 'scripts/podman-conf.mjs')], {
    encoding: 'utf8',
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (conf.status !== 0) process.exit(conf.status ?? 1);
  const line = conf.stdout.trim();
  if (line.startsWith('CONTAINERS_CONF=')) env.CONTAINERS_CONF = line.slice('CONTAINERS_CONF='.length);
}
const file = join(root, 'examples', example, 'tarmac.yaml');
process.exit(
  twice
    ? await checkTwice({ root, file, extra: args, env })
    : run([join(root, 'bin/tarmac.js'), 'up', '-f', file, ...args], env),
);
