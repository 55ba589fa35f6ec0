function logicalImageOf(image, logicalNames) {
  const unprefixed = image.startsWith("localhost/") ? image.slice("localhost/".length) : image;
  const bare = unprefixed.endsWith(":latest") ? unprefixed.slice(0, -":latest".length) : unprefixed;
  return logicalNames.has(bare) ? bare : void 0;
}
export {
  logicalImageOf
};
//# sourceMappingURL=image-match.js.map
