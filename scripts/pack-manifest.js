// The published package.json carries no `prepare` script: npm runs `prepare` on `npm install` in a clone (which
// builds dist/, as it should), but a tarball that has one makes `npm install` of it warn about install scripts,
// though the tarball ships dist/ already built. So `npm pack` / `npm publish` build first (prepack), take the
// script out of package.json while the tarball is made, and put it back (postpack).
//
//   node scripts/pack-manifest.js strip     (prepack, after the build)
//   node scripts/pack-manifest.js restore   (postpack)
import { readFileSync, writeFileSync } from 'node:fs';

const PREPARE = 'node scripts/build.js';
const file = new URL('../package.json', import.meta.url);
const manifest = JSON.parse(readFileSync(file, 'utf8'));
const action = process.argv[2];
if (action === 'strip') delete manifest.scripts.prepare;
else if (action === 'restore') manifest.scripts.prepare = PREPARE;
else {
  process.stderr.write('usage: node scripts/pack-manifest.js strip|restore\n');
  process.exit(252);
}
writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
