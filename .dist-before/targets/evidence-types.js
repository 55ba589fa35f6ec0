//# sourceMappingURL=evidence-types.js.map
