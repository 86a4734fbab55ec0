#!/usr/bin/env node
'use strict';
// Tiny entry: everything lives in the built bundle (npm install builds it); dist/launcher.cjs runs it.
let launcher;
try {
  launcher = require('../dist/launcher.cjs');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('healthlake-wizard: the bundle is not built. Run `npm install` (or `npm run build`) first.\n');
    process.exit(255);
  }
  throw error;
}
launcher.launch(require('node:path').join(__dirname, '..', 'dist'), process.argv.slice(2));
