//# sourceMappingURL=after-run-input.js.map
