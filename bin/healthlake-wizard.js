#!/usr/bin/env node
// Tiny launcher: everything lives in the built bundle (npm install builds it).
import('../dist/cli.js').then(
  (cli) => cli.main(process.argv.slice(2)),
  (error) => {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
      process.stderr.write('healthlake-wizard: the bundle is not built. Run `npm install` (or `npm run build`) first.\n');
      process.exit(255);
    }
    throw error;
  },
);
