#!/usr/bin/env node
// Fills base/rootfs with what git does not hold: the host's static busybox and an empty /tmp.
// Idempotent: re-running it changes nothing when the rootfs is already up to date, so the base
// image's content tag stays stable. Usage: node examples/aianalysis/prepare.mjs
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const rootfs = join(here, 'base', 'rootfs');
const source = process.env.BUSYBOX ?? '/bin/busybox';
const target = join(rootfs, 'bin', 'busybox');

// The image has no libc, so only a statically linked busybox runs in it: an ELF file without a
// PT_INTERP program header (the dynamic loader's path) is static.
function isStaticElf(file) {
  const b = readFileSync(file);
  if (b.length < 64 || b.toString('latin1', 0, 4) !== '\x7fELF') return false;
  const is64 = b[4] === 2;
  const le = b[5] === 1;
  const u16 = (o) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const phoff = is64 ? Number(le ? b.readBigUInt64LE(0x20) : b.readBigUInt64BE(0x20)) : u32(0x1c);
  const phentsize = u16(is64 ? 0x36 : 0x2a);
  const phnum = u16(is64 ? 0x38 : 0x2c);
  for (let i = 0; i < phnum; i++) if (u32(phoff + i * phentsize) === 3) return false;
  return true;
}

// True when target already holds exactly the bytes of source.
function sameFile(a, b) {
  if (!existsSync(b)) return false;
  if (statSync(a).size !== statSync(b).size) return false;
  return readFileSync(a).equals(readFileSync(b));
}

if (!existsSync(source)) {
  console.error(`prepare: ${source} is missing. Install a static busybox: apt-get install busybox-static`);
  process.exit(1);
}
if (!isStaticElf(source)) {
  console.error(
    `prepare: ${source} is not a statically linked ELF binary. Install the static build: apt-get install busybox-static`,
  );
  process.exit(1);
}

mkdirSync(join(rootfs, 'bin'), { recursive: true });
if (sameFile(source, target) && (statSync(target).mode & 0o7777) === 0o755) {
  console.log(`prepare: ${target} is up to date`);
} else {
  // Copy then rename: tests run in parallel, and a build must never see a half-written binary.
  const partial = `${target}.${process.pid}.partial`;
  copyFileSync(source, partial);
  // Fixed modes so the content hash does not depend on the host's umask.
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  console.log(`prepare: copied ${source} to ${target}`);
}
// No applet symlinks: every command runs as `/bin/busybox APPLET` or inside `/bin/busybox sh`,
// whose standalone mode finds applets without them. /tmp must exist (sticky, world-writable)
// because git cannot hold an empty directory.
mkdirSync(join(rootfs, 'tmp'), { recursive: true });
chmodSync(join(rootfs, 'tmp'), 0o1777);
