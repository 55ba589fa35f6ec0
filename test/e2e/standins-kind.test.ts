// The kind/kubectl stand-ins against real podman: the lifecycle of one cluster, from create to delete.
import { execa } from 'execa';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStandinCluster, removeStandinEnv, standinEnv, uniqueClusterName } from '../fixtures/standins/support.js';
import { removeEnvImages } from '../support/podman-query.js';

const name = uniqueClusterName('sk-life');
const node = `${name}-control-plane`;
const env = standinEnv();
const workDir = mkdtempSync(join(tmpdir(), `${name}-`));
const kind = (args: string[]) => execa('kind', args, { env, reject: false });
const kubectl = (args: string[]) => execa('kubectl', args, { env, reject: false });
const podman = (args: string[]) => execa('podman', args, { env, reject: false });
let apiPort = '';

afterAll(async () => {
  await removeStandinCluster(name);
  await removeEnvImages(name);
  rmSync(workDir, { recursive: true, force: true });
  removeStandinEnv(env);
});

describe('kind stand-in: one cluster from create to delete (real podman)', () => {
  it('is the kind and kubectl first on PATH', async () => {
    expect((await kind(['version'])).stdout).toBe('kind v0.30.0 go1.24.6 linux/amd64');
    expect((await kubectl(['version', '--client'])).stdout).toBe('Client Version: v1.34.1\nKustomize Version: v5.7.1');
  });

  it('creates a labelled node container and prints kind progress lines', async () => {
    const result = await kind(['create', 'cluster', '--name', name]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'using podman due to KIND_EXPERIMENTAL_PROVIDER',
      'enabling experimental podman provider',
      `Creating cluster "${name}" ...`,
    ]);
    for (const step of [
      'Ensuring node image (kindest/node:v1.34.0) 🖼',
      'Preparing nodes 📦 ',
      'Writing configuration 📜',
      'Starting control-plane 🕹️',
      'Installing CNI 🔌',
      'Installing StorageClass 💾',
    ]) {
      expect(lines).toContain(` • ${step}  ...`);
      expect(lines).toContain(` ✓ ${step}`);
    }
    expect(result.stderr).toContain(
      `Set kubectl context to "kind-${name}"\nYou can now use your cluster with:\n\nkubectl cluster-info --context kind-${name}\n\n`,
    );
    const [inspect] = JSON.parse((await podman(['inspect', node])).stdout);
    expect(inspect.Config.Labels).toMatchObject({
      'io.x-k8s.kind.cluster': name,
      'io.x-k8s.kind.role': 'control-plane',
    });
    expect(inspect.Config.Hostname).toBe(node);
    expect(Object.keys(inspect.NetworkSettings.Networks)).toEqual(['kind']);
    expect(inspect.State.Running).toBe(true);
    const published = inspect.NetworkSettings.Ports['6443/tcp'][0];
    expect(published.HostIp).toBe('127.0.0.1');
    apiPort = published.HostPort;
  });

  it('writes a 0600 kubeconfig with the kind-<name> context pointing at the published port', async () => {
    expect(statSync(env.KUBECONFIG).mode & 0o777).toBe(0o600);
    const text = readFileSync(env.KUBECONFIG, 'utf8');
    expect(text).toContain(`current-context: kind-${name}`);
    expect(text).toContain(`server: http://127.0.0.1:${apiPort}`);
    const server = await kubectl([
      'config',
      'view',
      '-o',
      `jsonpath={.clusters[?(@.name=="kind-${name}")].cluster.server}`,
    ]);
    expect(server.stdout).toBe(`http://127.0.0.1:${apiPort}`);
    expect((await kind(['get', 'kubeconfig', '--name', name])).stdout).toContain(`name: kind-${name}`);
  });

  it('answers /readyz through kubectl and reports the node Ready', async () => {
    const ready = await kubectl(['get', '--raw', '/readyz']);
    expect([ready.exitCode, ready.stdout]).toEqual([0, 'ok']);
    expect((await kubectl(['get', '--raw', '/readyz?verbose'])).stdout).toMatch(
      /\[\+\]etcd ok\n[\s\S]*readyz check passed\n?$/,
    );
    const nodes = await kubectl(['get', 'nodes']);
    expect(nodes.stdout).toMatch(
      new RegExp(`^NAME +STATUS +ROLES +AGE +VERSION\n${node} +Ready +control-plane +\\S+ +v1\\.34\\.0$`),
    );
    const waited = await kubectl(['wait', '--for=condition=Ready', 'node', '--all', '--timeout=30s']);
    expect([waited.exitCode, waited.stdout]).toEqual([0, `node/${node} condition met`]);
    const list = JSON.parse((await kubectl(['get', 'nodes', '-o', 'json'])).stdout);
    expect(list.kind).toBe('List');
    expect(list.items[0].status.conditions.find((c: { type: string }) => c.type === 'Ready').status).toBe('True');
  });

  it('refuses a second create with the same name', async () => {
    const result = await kind(['create', 'cluster', '--name', name]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.trim().split('\n').pop()).toBe(
      `ERROR: failed to create cluster: node(s) already exist for a cluster with the name "${name}"`,
    );
    expect(
      (await podman(['ps', '-a', '-q', '--filter', `label=io.x-k8s.kind.cluster=${name}`])).stdout.split('\n'),
    ).toHaveLength(1);
  });

  it('lists the cluster and its node', async () => {
    expect((await kind(['get', 'clusters'])).stdout.split('\n')).toContain(name);
    expect((await kind(['get', 'nodes', '--name', name])).stdout).toBe(node);
    const missing = await kind(['get', 'nodes', '--name', `${name}-nope`]);
    expect([missing.exitCode, missing.stdout]).toEqual([0, '']);
    expect(missing.stderr).toContain(`No kind nodes found for cluster "${name}-nope".`);
  });

  it('loads a real podman save archive into the node image store', async () => {
    const context = join(workDir, 'app');
    mkdirSync(context, { recursive: true });
    writeFileSync(join(context, 'hello.txt'), name);
    writeFileSync(
      join(context, 'Containerfile'),
      `FROM scratch\nCOPY hello.txt /hello.txt\nLABEL io.tarmac.managed=true io.tarmac.env=${name}\n`,
    );
    const image = `localhost/${name}-app:v1`;
    expect((await podman(['build', '--layers=false', '--isolation=chroot', '-q', '-t', image, context])).exitCode).toBe(
      0,
    );
    const archive = join(workDir, 'app.tar');
    expect((await podman(['save', '-o', archive, image])).exitCode).toBe(0);
    const loaded = await kind(['load', 'image-archive', archive, '--name', name]);
    expect([loaded.exitCode, loaded.stdout], loaded.stderr).toEqual([0, '']);
    const id = (await podman(['image', 'inspect', '--format', '{{.Id}}', image])).stdout;
    const table = (await podman(['exec', node, 'crictl', 'images'])).stdout;
    expect(table.split('\n')[0]).toMatch(/^IMAGE +TAG +IMAGE ID +SIZE$/);
    expect(table).toMatch(new RegExp(`\\nlocalhost/${name}-app +v1 +${id.slice(0, 13)} +\\S+B\\n`));
    const json = JSON.parse((await podman(['exec', node, 'crictl', 'images', '-o', 'json'])).stdout);
    expect(json.images).toContainEqual(
      expect.objectContaining({ id: `sha256:${id}`, repoTags: [`localhost/${name}-app:v1`] }),
    );
  });

  it('applies a CRD, waits until it is Established, then serves its kind', async () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets' } },
    };
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w1', namespace: 'default' } };
    const missing = await kubectl([
      'wait',
      '--for',
      'condition=Established',
      'crd/widgets.example.com',
      '--timeout=5s',
    ]);
    expect([missing.exitCode, missing.stderr]).toEqual([
      1,
      'Error from server (NotFound): customresourcedefinitions.apiextensions.k8s.io "widgets.example.com" not found',
    ]);
    writeFileSync(join(workDir, 'crd.json'), JSON.stringify(crd));
    writeFileSync(join(workDir, 'widget.json'), JSON.stringify(widget));
    expect((await kubectl(['apply', '-f', join(workDir, 'crd.json')])).stdout).toBe(
      'customresourcedefinition.apiextensions.k8s.io/widgets.example.com created',
    );
    const waited = await kubectl(['wait', '--for', 'condition=Established', 'crd/widgets.example.com', '--timeout=5s']);
    expect([waited.exitCode, waited.stdout]).toEqual([
      0,
      'customresourcedefinition.apiextensions.k8s.io/widgets.example.com condition met',
    ]);
    expect((await kubectl(['apply', '-f', join(workDir, 'widget.json')])).stdout).toBe('widget.example.com/w1 created');
  });

  it('keeps listing a stopped node while its API is refused, and serves again after a restart', async () => {
    expect((await podman(['stop', node])).exitCode).toBe(0);
    expect((await kind(['get', 'clusters'])).stdout.split('\n')).toContain(name);
    const refused = await kubectl(['get', '--raw', '/readyz']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toBe(
      `The connection to the server 127.0.0.1:${apiPort} was refused - did you specify the right host or port?`,
    );
    const nodes = await kubectl(['get', 'nodes']);
    expect(nodes.stderr).toContain("couldn't get current server API group list");
    expect(nodes.stderr.split('\n').pop()).toBe(refused.stderr);
    expect((await podman(['start', node])).exitCode).toBe(0);
    const waited = await kubectl(['wait', '--for=condition=Ready', 'node', '--all', '--timeout=30s']);
    expect(waited.stdout).toBe(`node/${node} condition met`);
  });

  it("exports logs in kind's layout", async () => {
    const dir = join(workDir, 'logs');
    const result = await kind(['export', 'logs', dir, '--name', name]);
    expect([result.exitCode, result.stdout], result.stderr).toEqual([0, dir]);
    expect(result.stderr).toContain(`Exporting logs for cluster "${name}" to:`);
    expect(readFileSync(join(dir, 'kind-version.txt'), 'utf8')).toBe('kind v0.30.0 go1.24.6 linux/amd64');
    expect(readFileSync(join(dir, node, 'serial.log'), 'utf8')).toContain(
      'Reached target multi-user.target - Multi-User System.',
    );
    expect(readFileSync(join(dir, node, 'kubernetes-version.txt'), 'utf8').trim()).toBe('v1.34.0');
    expect(JSON.parse(readFileSync(join(dir, node, 'inspect.json'), 'utf8'))[0].Name).toBe(node);
    expect(readFileSync(join(dir, node, 'images.log'), 'utf8')).toContain(`localhost/${name}-app`);
  });

  it('deletes the node, its object store folder and the kubeconfig entries, and deleting again is not an error', async () => {
    const mounts = JSON.parse((await podman(['inspect', '--format', '{{json .Mounts}}', node])).stdout) as {
      Source: string;
      Destination: string;
    }[];
    const store = mounts.find((m) => m.Destination === '/var/lib/standin/objects')?.Source ?? '';
    expect(
      readdirSync(store).some((f) => f.endsWith('.json')),
      'the applied objects',
    ).toBe(true);
    const result = await kind(['delete', 'cluster', '--name', name]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Deleting cluster "${name}" ...\nDeleted nodes: ["${node}"]`);
    expect((await podman(['ps', '-a', '-q', '--filter', `label=io.x-k8s.kind.cluster=${name}`])).stdout).toBe('');
    expect(readFileSync(env.KUBECONFIG, 'utf8')).not.toContain(`kind-${name}`);
    expect(existsSync(store), store).toBe(false);
    const again = await kind(['delete', 'cluster', '--name', name]);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).not.toContain('Deleted nodes');
    expect((await kind(['get', 'clusters'])).stdout.split('\n')).not.toContain(name);
  });
});
