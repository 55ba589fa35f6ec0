//# sourceMappingURL=lease-types.js.map
