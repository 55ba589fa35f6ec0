#!/usr/bin/env node
// Entry point: hands over to the compiled CLI (npm run build produces dist/).
import { main } from '../.dist-before/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
