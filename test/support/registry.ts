// A real local registry (Debian's `docker-registry`, docker/distribution) on loopback, and clean podman
// image stores, for registry-mode e2e tests. Both live in temp dirs that stopping deletes.
import { execa, execaSync, type ResultPromise } from 'execa';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForHttp } from './wait-http.js';

/** A running registry. */
export interface LocalRegistry {
  /** `127.0.0.1:PORT`, the registry part of image references. */
  host: string;
  /** Its storage root (deleted by stop). */
  storageDir: string;
  /** Everything it logged so far (for failure messages). */
  log(): string;
  /** Stops the process and deletes its storage; safe to call twice. */
  stop(): Promise<void>;
}

/** True when the `docker-registry` binary is installed (apt-get install docker-registry). */
export async function hasDockerRegistry(): Promise<boolean> {
  const r = await execa('docker-registry', ['--version'], { reject: false });
  return r.exitCode === 0;
}

/**
 * Starts `docker-registry serve CONFIG.yml` on 127.0.0.1 with a port the kernel picks (port 0, read
 * back from its "listening on" log line, so no other process can take it in between) and a temp
 * storage dir, then waits until `GET /v2/` answers 200.
 */
export async function startRegistry(
  timeoutMs = 20_000,
  options: { users?: Record<string, string> } = {},
): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-docker-registry-'));
  const storageDir = join(dir, 'storage');
  const config = join(dir, 'config.yml');
  // With users: htpasswd (bcrypt) basic auth, which docker/distribution also accepts over plain HTTP.
  const auth = options.users
    ? [
        'auth:',
        '  htpasswd:',
        '    realm: tarmac-e2e',
        `    path: ${await writeHtpasswd(join(dir, 'htpasswd'), options.users)}`,
      ]
    : [];
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: info',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${storageDir}`,
      '  delete:',
      '    enabled: true',
      'http:',
      '  addr: 127.0.0.1:0',
      '  secret: tarmac-e2e',
      ...auth,
      '',
    ].join('\n'),
  );
  const child = execa('docker-registry', ['serve', config], { reject: false, all: true, buffer: false });
  let output = '';
  const stopped = child.then(() => undefined);
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await stopped;
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    const host = await listeningAddress(child, (text) => (output += text), timeoutMs);
    // With auth, /v2/ answers 401 until logged in: any answer means it is up.
    await waitForHttp(`http://${host}/v2/`, timeoutMs, 100, options.users ? [200, 401] : undefined);
    return { host, storageDir, log: () => output, stop };
  } catch (err) {
    await stop();
    throw new Error(`docker-registry did not start: ${err instanceof Error ? err.message : String(err)}\n${output}`);
  }
}

// An htpasswd file of bcrypt entries (apache2-utils' htpasswd; the password goes through stdin, not argv).
async function writeHtpasswd(path: string, users: Record<string, string>): Promise<string> {
  const lines: string[] = [];
  for (const [user, password] of Object.entries(users)) {
    const r = await execa('htpasswd', ['-niB', user], { input: password, reject: false, all: true });
    if (r.exitCode !== 0) throw new Error(`htpasswd failed (apt-get install apache2-utils): ${r.all}`);
    lines.push(r.stdout.trim());
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

// Resolves with `127.0.0.1:PORT` once the registry logs where it listens; rejects if it exits first.
function listeningAddress(child: ResultPromise, append: (text: string) => void, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening on" line within ${timeoutMs} ms`)), timeoutMs);
    child.all?.on('data', (chunk: Buffer) => {
      append(chunk.toString());
      const match = /listening on (127\.0\.0\.1:\d+)/.exec(chunk.toString());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void child.then((r) => {
      clearTimeout(timer);
      reject(new Error(`docker-registry exited ${r.exitCode}`));
    });
  });
}

/** A podman image store of its own (CONTAINERS_STORAGE_CONF), empty at first: "a clean machine". */
export interface CleanStore {
  dir: string;
  /** The environment that points podman (and tarmac's podman) at this store. */
  env: { CONTAINERS_STORAGE_CONF: string };
  /** `repository:tag` of every image in the store. */
  images(): Promise<string[]>;
  /** `podman <args>` in this store. */
  podman(args: string[]): Promise<{ exitCode: number | undefined; all: string }>;
  /** Deletes the store and every image in it (all created by the test that owns it). */
  remove(): void;
}

/** Creates an empty image store in a temp dir (overlay driver, graphroot and runroot inside the dir). */
export function createCleanStore(): CleanStore {
  const dir = mkdtempSync(join(tmpdir(), 'tarmac-store-'));
  const conf = join(dir, 'storage.conf');
  writeFileSync(
    conf,
    [
      '[storage]',
      'driver = "overlay"',
      `graphroot = "${join(dir, 'graph')}"`,
      `runroot = "${join(dir, 'run')}"`,
      '',
    ].join('\n'),
  );
  const env = { CONTAINERS_STORAGE_CONF: conf };
  const podman = async (args: string[]) => {
    const r = await execa('podman', args, { env, reject: false, all: true });
    return { exitCode: r.exitCode, all: r.all };
  };
  const images = async (): Promise<string[]> => {
    const r = await podman(['images', '--format', '{{.Repository}}:{{.Tag}}']);
    if (r.exitCode !== 0) throw new Error(`podman images in ${dir} failed: ${r.all}`);
    return r.all.split('\n').filter(Boolean);
  };
  // Deleting the directory deletes the store; no podman command runs, so nothing can touch the default store. podman's
  // overlay driver leaves mounts inside it (graph/overlay is bind-mounted onto itself), which make rmdir fail with
  // EBUSY: they are unmounted first, deepest first, from the kernel's own list. A podman process still ending in the
  // store (a container's cleanup run by conmon) can hold it a moment longer: rmSync retries EBUSY a few times.
  const remove = (): void => {
    const inside = readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[1] ?? '')
      .filter((mountPoint) => mountPoint === dir || mountPoint.startsWith(`${dir}/`))
      .sort((a, b) => b.length - a.length);
    for (const mountPoint of inside) execaSync('umount', ['-l', mountPoint], { reject: false });
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };
  return { dir, env, images, podman, remove };
}
