class TailBuffer {
  constructor(capacity) {
    this.capacity = capacity;
  }
  capacity;
  lines = [];
  next = 0;
  /** Adds a line, dropping the oldest once full. */
  push(line) {
    if (this.capacity <= 0) return;
    if (this.lines.length < this.capacity) {
      this.lines.push(line);
      return;
    }
    this.lines[this.next] = line;
    this.next = (this.next + 1) % this.capacity;
  }
  /** The kept lines, oldest first. */
  toArray() {
    return [...this.lines.slice(this.next), ...this.lines.slice(0, this.next)];
  }
}
export {
  TailBuffer
};
//# sourceMappingURL=tail-buffer.js.map
