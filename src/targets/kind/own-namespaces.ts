// The namespaces the kind target creates for a group: those its objects are placed in that no Namespace object
// of the group defines, labelled as tarmac's own (io.tarmac.managed, io.tarmac.env) like everything it creates.
import { envLabels } from '../../engines/labels.js';
import { namespacesToCreate } from '../../kube/namespaces.js';
import type { RenderedGroup, SourcedObject } from '../../kube/types.js';

/** Namespace objects to apply before the group's own objects; `file` says tarmac made them. */
export function ownNamespaces(group: RenderedGroup, env: string): SourcedObject[] {
  return namespacesToCreate(group.objects.map((o) => o.object)).map((name) => ({
    object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: envLabels(env) } },
    file: `namespace of deploy group ${group.name} (created by tarmac)`,
    line: 0,
  }));
}
