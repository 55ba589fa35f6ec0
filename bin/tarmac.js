#!/usr/bin/env node
// Entry point: hands over to the bundled CLI (npm run build produces dist/tarmac.js).
// Source maps stay off (node would read and index every loaded chunk's map at start): the one stack tarmac prints,
// an internal error's, is mapped to src/ lines when it is rendered (src/cli/source-stack.ts).
const { main } = await import('../dist/tarmac.js');

process.exitCode = await main(process.argv);
