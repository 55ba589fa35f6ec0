//# sourceMappingURL=engine-dialect.js.map
