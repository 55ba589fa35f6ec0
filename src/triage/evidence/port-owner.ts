// Which host process listens on a port, from /proc (Linux; no lsof/ss here): the socket inode in /proc/net/tcp*,
// then the process whose fd links to `socket:[inode]`. Only processes we may read are found.
import { readdir, readFile, readlink } from 'node:fs/promises';

/** Inodes of LISTEN sockets on `port` in /proc/net/tcp or tcp6 text. */
export function listeningInodes(procNetTcp: string, port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const line of procNetTcp.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
    if (f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A' && f[9] !== undefined && f[9] !== '0') out.push(f[9]);
  }
  return out;
}

/** `comm (pid N)` of the process listening on the port, or undefined when /proc does not tell. */
export async function portOwner(port: number): Promise<string | undefined> {
  const tables = await Promise.all(['/proc/net/tcp', '/proc/net/tcp6'].map((f) => readFile(f, 'utf8').catch(() => '')));
  const inodes = new Set(tables.flatMap((t) => listeningInodes(t, port)));
  if (inodes.size === 0) return undefined;
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((p) => /^\d+$/.test(p));
  for (const pid of pids) {
    const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
    for (const fd of fds) {
      const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      if (inode !== undefined && inodes.has(inode)) {
        const comm = (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '?')).trim();
        return `${comm} (pid ${pid})`;
      }
    }
  }
  return undefined;
}
