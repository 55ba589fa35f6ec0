//# sourceMappingURL=step-executor.js.map
