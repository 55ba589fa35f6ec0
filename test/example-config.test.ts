// Static consistency of examples/aianalysis: its tarmac.yaml is valid, every image's Containerfile
// takes the base through TARMAC_IMAGE_<NAME>, and the manifests use only declared image names.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/schema.js';
import { exampleDir } from './support/podman-env.js';

const config = configSchema.parse(parse(readFileSync(join(exampleDir, 'tarmac.yaml'), 'utf8')));
const containerfile = (context: string) => readFileSync(join(exampleDir, context, 'Containerfile'), 'utf8');
const buildArgName = (image: string) => `TARMAC_IMAGE_${image.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

// Every file under dir, recursively.
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

// Every object in every manifest of a deploy group.
function manifestObjects(group: string): Record<string, unknown>[] {
  const dirs = config.deploy.find((g) => g.name === group)?.manifests ?? [];
  return dirs
    .flatMap((d) => filesUnder(join(exampleDir, d)))
    .flatMap((f) => parseAllDocuments(readFileSync(f, 'utf8')).map((doc) => doc.toJS() as Record<string, unknown>));
}

interface Workload {
  kind: string;
  metadata: { name: string };
  spec: { template: { spec: { containers: { image: string; readinessProbe?: { httpGet?: { path: string } } }[] } } };
}

describe('examples/aianalysis/tarmac.yaml', () => {
  it('declares the seed setup: four images, the heavy one weighing the whole engine budget', () => {
    expect(config.images.map((i) => [i.name, i.weight, i.dependsOn])).toEqual([
      ['base', 1, []],
      ['datastorage', 1, ['base']],
      ['holmesgpt-api', 2, ['base']],
      ['aianalysis', 1, ['base']],
    ]);
    expect(config.build.capacity).toBe(2);
    expect(config.deploy.map((g) => [g.name, g.after])).toEqual([
      ['data', []],
      ['apps', ['data']],
    ]);
    expect(config.test?.command).toEqual(['node', 'e2e/suite.mjs']);
  });

  it('builds every dependent image FROM the build arg tarmac passes for its base', () => {
    const roots = config.images.filter((image) => image.dependsOn.length === 0);
    const dependents = config.images.filter((image) => image.dependsOn.length > 0);
    expect(roots.map((image) => image.name)).toEqual(['base']);
    expect(dependents).toHaveLength(3);
    for (const image of dependents) {
      const text = containerfile(image.context);
      for (const dep of image.dependsOn) {
        expect(text, image.name).toMatch(new RegExp(`^ARG ${buildArgName(dep)}$`, 'm'));
        expect(text, image.name).toMatch(new RegExp(`^FROM \\$\\{${buildArgName(dep)}\\}$`, 'm'));
      }
    }
    for (const image of roots) expect(containerfile(image.context), image.name).not.toMatch(/TARMAC_IMAGE_/);
  });

  it('ships executable busybox scripts for every CGI endpoint and the heavy step', () => {
    const scripts = [
      ...config.images.flatMap((i) =>
        existsSync(join(exampleDir, i.context, 'www', 'cgi-bin'))
          ? filesUnder(join(exampleDir, i.context, 'www', 'cgi-bin'))
          : [],
      ),
      join(exampleDir, 'holmesgpt-api', 'heavy-work.sh'),
      join(exampleDir, 'base', 'rootfs', 'bin', 'serve-http'),
    ];
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    for (const file of scripts) {
      expect(statSync(file).mode & 0o111, file).not.toBe(0);
      expect(readFileSync(file, 'utf8').split('\n')[0], file).toBe('#!/bin/busybox sh');
    }
  });

  it('deploys each service image once, by its logical name, with a /health readiness probe', () => {
    const workloads = [...manifestObjects('data'), ...manifestObjects('apps')].filter(
      (o) => o.kind === 'Deployment',
    ) as unknown as Workload[];
    const images = workloads.flatMap((w) => w.spec.template.spec.containers.map((c) => c.image)).sort();
    expect(images).toEqual(['aianalysis', 'datastorage', 'holmesgpt-api']);
    for (const w of workloads) {
      for (const c of w.spec.template.spec.containers)
        expect(c.readinessProbe?.httpGet?.path, w.metadata.name).toBe('/health');
    }
    expect(
      manifestObjects('data')
        .filter((o) => o.kind === 'Deployment')
        .map((o) => (o as unknown as Workload).metadata.name),
    ).toEqual(['datastorage']);
  });

  it('serves each Service on its container port (the podman target has no service proxy)', () => {
    const services = [...manifestObjects('data'), ...manifestObjects('apps')].filter((o) => o.kind === 'Service') as {
      spec: { ports: { port: number; targetPort?: number }[] };
    }[];
    const ports = services.flatMap((s) => s.spec.ports);
    expect(ports).toHaveLength(3);
    for (const p of ports) expect(p.targetPort ?? p.port).toBe(p.port);
  });
});
