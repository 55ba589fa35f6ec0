#!/usr/bin/env node
// Decides whether podman on this machine needs the project's containers.conf to run containers.
// Runs a trivial container with the current configuration; if that fails with a known sandbox
// symptom (crun and hybrid cgroups, rlimits that cannot be raised), writes a containers.conf
// (runc, cgroupfs, fixed ulimits), checks that it works, and prints `CONTAINERS_CONF=<path>`.
// Prints nothing when podman already works. Never edits /etc.
//
// Usage: node scripts/podman-conf.mjs [--out FILE]   (default FILE: .tarmac/podman/containers.conf)
// Exit codes: 0 decided (line printed or not), 1 podman cannot run containers even with the
// project config, 2 a prerequisite is missing (podman, /bin/busybox).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import console from 'node:console';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PROBE_IMAGE = 'localhost/tarmac-probe:busybox';
const LABELS = ['--label', 'io.tarmac.managed=true', '--label', 'io.tarmac.env=tarmac-probe'];
const CONF = `# Written by scripts/podman-conf.mjs: this sandbox rejects crun with hybrid cgroups and cannot
# raise rlimits (no CAP_SYS_RESOURCE), so use runc, cgroupfs and limits within the current ones.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
`;
/** Failures the project config is known to fix. */
const SYMPTOMS = [
  /cgroups in hybrid mode not supported/i,
  /setrlimit RLIMIT_\w+: Operation not permitted/i,
  /error setting rlimit type \d+: operation not permitted/i,
];

// Runs podman with argv and an optional CONTAINERS_CONF; returns { ok, output }.
function podman(args, conf, timeout = 120_000) {
  const env = { ...process.env };
  if (conf) env.CONTAINERS_CONF = conf;
  const r = spawnSync('podman', args, { env, encoding: 'utf8', timeout });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error.message) : ''}`.trim();
  return { ok: r.status === 0, output, missing: r.error?.code === 'ENOENT' };
}

// Stops with a message on stderr and an exit code.
function fail(code, message) {
  console.error(`podman-conf: ${message}`);
  process.exit(code);
}

// Builds the tiny busybox probe image once (building needs no runtime config); kept for reuse.
function ensureProbeImage() {
  if (podman(['image', 'exists', PROBE_IMAGE]).ok) return;
  if (!existsSync('/bin/busybox')) fail(2, '/bin/busybox is missing: apt-get install busybox-static');
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-probe-'));
  try {
    mkdirSync(join(dir, 'bin'));
    copyFileSync('/bin/busybox', join(dir, 'bin', 'busybox'));
    writeFileSync(join(dir, 'Containerfile'), 'FROM scratch\nCOPY bin/busybox /bin/busybox\n');
    const r = podman(['build', '-q', ...LABELS, '-t', PROBE_IMAGE, dir]);
    if (!r.ok) fail(1, `could not build the probe image ${PROBE_IMAGE}:\n${r.output}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Runs a trivial container; ok when it exits 0.
function probe(conf) {
  return podman(['run', '--rm', ...LABELS, PROBE_IMAGE, '/bin/busybox', 'true'], conf, 60_000);
}

const outIndex = process.argv.indexOf('--out');
const out = resolve(
  outIndex > 0 && process.argv[outIndex + 1]
    ? process.argv[outIndex + 1]
    : join(repoRoot, '.tarmac', 'podman', 'containers.conf'),
);

const version = podman(['--version']);
if (version.missing) fail(2, 'podman is not installed: apt-get install podman runc');
ensureProbeImage();

const plain = probe(undefined);
if (plain.ok) process.exit(0);

const known = SYMPTOMS.some((s) => s.test(plain.output));
if (!existsSync(out) || readFileSync(out, 'utf8') !== CONF) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, CONF);
}
const fixed = probe(out);
if (!fixed.ok) {
  fail(1, `podman cannot run containers, even with ${out}.\nWithout it:\n${plain.output}\nWith it:\n${fixed.output}`);
}
// An unrecognised failure that the config fixes still gets the config, but say so: it is a new symptom.
const why = known ? 'a known sandbox symptom' : 'an unrecognised failure';
console.error(
  `podman-conf: the default configuration fails here (${why}: ${plain.output.split('\n').pop()}); using ${out}`,
);
console.log(`CONTAINERS_CONF=${out}`);
