#!/usr/bin/env node
// Entry point: hands over to the bundled CLI (npm run build produces dist/tarmac.js).
// Source maps on first, so stack traces name src/ lines rather than the bundle's: node reads a module's source map
// only when it loads the module with them enabled, hence the import() after this line, not a static import.
process.setSourceMapsEnabled(true);
const { main } = await import('../dist/tarmac.js');

process.exitCode = await main(process.argv);
