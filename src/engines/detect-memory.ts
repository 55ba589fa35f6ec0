// A local podman's detection, remembered in `.tarmac/engine-detection.json` for a few minutes (issue 16): every
// run command started with `podman version` (about 50 ms of wall and CPU on the critical path of `test` and `up`).
// Only an answer that cannot change while nothing on disk changes is remembered: the first strategy that applies won,
// it is podman, and no server answered (the binary alone, no service or daemon that could have stopped since). The
// key holds the engine settings, the variables podman reads, and the binary and podman's config files as they are on
// disk (path, size, mtime, inode): an upgrade, a shim earlier on PATH or an edited containers.conf asks again.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Env } from '../config/types.js';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../files/private.js';

/** How long a remembered answer is used: a bound on what a change the key does not see could cost. */
export const DETECTION_MAX_AGE_MS = 10 * 60_000;

/** Where the answer is kept, and the clock (tests). */
export interface DetectionMemory {
  file: string;
  now?: () => number;
}

/** The env's memory (`.tarmac/engine-detection.json`); none with TARMAC_ENGINE_MEMORY=off (always probe). */
export function envDetectionMemory(stateDir: string, env: NodeJS.ProcessEnv): DetectionMemory | undefined {
  return env.TARMAC_ENGINE_MEMORY === 'off' ? undefined : { file: join(stateDir, 'engine-detection.json') };
}

/** A remembered detection: when, for which key, which strategy won, and the explanation it gave then. */
export interface Remembered {
  at: number;
  key: string;
  strategy: string;
  explanation: string[];
}

// The variables podman reads to find its service, settings and storage (another value is another engine).
const PODMAN_VARS = [
  'CONTAINER_HOST',
  'CONTAINER_CONNECTION',
  'CONTAINER_SSHKEY',
  'CONTAINERS_CONF',
  'CONTAINERS_STORAGE_CONF',
  'CONTAINERS_REGISTRIES_CONF',
  'DOCKER_HOST',
  'XDG_CONFIG_HOME',
  'XDG_RUNTIME_DIR',
  'HOME',
];

/** The key an answer holds for; undefined when the binary cannot be read (nothing is remembered then). */
export function detectionKey(config: Env['engine'], env: NodeJS.ProcessEnv, bin: string): string | undefined {
  const binary = fileStamp(bin);
  if (binary === undefined) return undefined;
  const confs = podmanConfigFiles(env).map((path) => fileStamp(path) ?? `${path}:missing`);
  return JSON.stringify([config, PODMAN_VARS.map((v) => env[v] ?? ''), binary, confs, process.getuid?.() ?? '']);
}

/**
 * The files podman reads its settings and storage from (containers.conf(5), containers-storage.conf(5)): the one
 * CONTAINERS_CONF names, or else the system's and the user's; each with its drop-in folder (a file added there
 * changes the folder's mtime).
 */
export function podmanConfigFiles(env: NodeJS.ProcessEnv): string[] {
  const user = join(env.XDG_CONFIG_HOME || join(env.HOME ?? '', '.config'), 'containers');
  const conf = env.CONTAINERS_CONF
    ? [env.CONTAINERS_CONF]
    : ['/usr/share/containers/containers.conf', '/etc/containers/containers.conf', join(user, 'containers.conf')];
  const dropIns = [
    '/usr/share/containers/containers.conf.d',
    '/etc/containers/containers.conf.d',
    join(user, 'containers.conf.d'),
  ];
  const storage = env.CONTAINERS_STORAGE_CONF
    ? [env.CONTAINERS_STORAGE_CONF]
    : ['/usr/share/containers/storage.conf', '/etc/containers/storage.conf', join(user, 'storage.conf')];
  return [...conf, ...dropIns, ...storage];
}

/** The answer remembered for `key` and `strategy`, when at most DETECTION_MAX_AGE_MS old; else undefined. */
export function recallDetection(memory: DetectionMemory, key: string, strategy: string): Remembered | undefined {
  try {
    const kept = JSON.parse(readFileSync(memory.file, 'utf8')) as Partial<Remembered>;
    const age = (memory.now ?? Date.now)() - (typeof kept.at === 'number' ? kept.at : Number.NaN);
    // An answer from the future (a clock set back) is as unknown as an old one.
    if (!(age >= 0 && age <= DETECTION_MAX_AGE_MS)) return undefined;
    if (kept.key !== key || kept.strategy !== strategy || !Array.isArray(kept.explanation)) return undefined;
    return kept as Remembered;
  } catch {
    // No file or an unreadable one: detect as without it.
    return undefined;
  }
}

/** Keeps an answer (atomically); best effort, a failure only means the next run asks again. */
export function rememberDetection(memory: DetectionMemory, answer: Omit<Remembered, 'at'>): void {
  try {
    makePrivateDir(dirname(memory.file));
    const tmp = `${memory.file}.${process.pid}.tmp`;
    const kept: Remembered = { at: (memory.now ?? Date.now)(), ...answer };
    writeFileSync(tmp, `${JSON.stringify(kept)}\n`, { mode: PRIVATE_FILE_MODE });
    renameSync(tmp, memory.file);
  } catch {
    // Only a saving.
  }
}

// What identifies a file's content without reading it.
function fileStamp(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${path}:${s.size}:${s.mtimeMs}:${s.ino}`;
  } catch {
    return undefined;
  }
}
