import { envLabels } from "../../engines/labels.js";
import { namespacesToCreate } from "../../kube/namespaces.js";
function ownNamespaces(group, env) {
  return namespacesToCreate(group.objects.map((o) => o.object)).map((name) => ({
    object: { apiVersion: "v1", kind: "Namespace", metadata: { name, labels: envLabels(env) } },
    file: `namespace of deploy group ${group.name} (created by tarmac)`,
    line: 0
  }));
}
export {
  ownNamespaces
};
//# sourceMappingURL=own-namespaces.js.map
