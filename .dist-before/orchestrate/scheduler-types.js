//# sourceMappingURL=scheduler-types.js.map
