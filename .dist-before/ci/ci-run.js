//# sourceMappingURL=ci-run.js.map
