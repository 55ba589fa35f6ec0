// The kind ClusterTarget (see README.md in this folder).
export { createKindTarget, type KindTargetOptions } from './kind-target.js';
export { canonicalRef } from './image-ref.js';
export { crdOrderProblems } from './crd-order.js';
export { workloadShapeProblems } from './workload-shape.js';
