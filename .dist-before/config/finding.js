//# sourceMappingURL=finding.js.map
