function toolEnv(engine, kubeconfig, basePath = process.env.PATH) {
  return { ...engine.toolEnv(basePath), KIND_EXPERIMENTAL_PROVIDER: engine.name, KUBECONFIG: kubeconfig };
}
export {
  toolEnv
};
//# sourceMappingURL=tool-env.js.map
