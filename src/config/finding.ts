// A problem before it is located in the file: a document path plus what to say about it.
import type { PathKey } from './path-text.js';

/** One problem or warning at a document path; `atKey` points at the key rather than its value. */
export interface Finding {
  path: PathKey[];
  message: string;
  hint?: string;
  atKey?: boolean;
}
