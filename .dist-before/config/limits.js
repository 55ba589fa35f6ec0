const MAX_CAPACITY = 256;
export {
  MAX_CAPACITY
};
//# sourceMappingURL=limits.js.map
