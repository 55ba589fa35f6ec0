// A bounded ring of the most recent output lines, so a long build keeps only what matters.

/** Keeps the last `capacity` lines pushed. */
export class TailBuffer {
  private readonly lines: string[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  /** Adds a line, dropping the oldest once full. */
  push(line: string): void {
    if (this.capacity <= 0) return;
    if (this.lines.length < this.capacity) {
      this.lines.push(line);
      return;
    }
    this.lines[this.next] = line;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The kept lines, oldest first. */
  toArray(): string[] {
    return [...this.lines.slice(this.next), ...this.lines.slice(0, this.next)];
  }
}
