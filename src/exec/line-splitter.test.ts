import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.js';

function split(chunks: (string | Buffer)[]): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

describe('LineSplitter', () => {
  it('ends lines at \\n, \\r\\n and a bare \\r', () => {
    expect(split(['a\nb\r\nc\rd'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('joins a line split across chunks', () => {
    expect(split(['STEP 1/', '2: FROM scr', 'atch\n'])).toEqual(['STEP 1/2: FROM scratch']);
  });

  it('treats \\r\\n split across two chunks as one line end', () => {
    expect(split(['one\r', '\ntwo\n'])).toEqual(['one', 'two']);
  });

  it('keeps a pending \\r across a chunk that decodes to nothing', () => {
    const euro = Buffer.from('€\n');
    expect(split([Buffer.from('x\r'), euro.subarray(0, 1), euro.subarray(1)])).toEqual(['x', '€']);
  });

  it('drops blank lines', () => {
    expect(split(['\n\n  \r\r10%\r\n'])).toEqual(['10%']);
  });

  it('flushes only once', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.push('tail');
    splitter.end();
    splitter.end();
    expect(lines).toEqual(['tail']);
  });
});
