/**
 * The import rules of `npm run deps:check` can fail: a small source tree that breaks some of them, cruised with
 * the project's own two configurations, is reported rule by rule, and what the rules allow (a command's
 * `import()` of a screen's entry, a lower layer's type from the neutral module) is not. On the real src/,
 * `npm test` runs the same configurations and expects no violation.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/pty-terminal.js';

const work = mkdtempSync(join(tmpdir(), 'hlw-deps-'));

const FILES: Record<string, string> = {
  'package.json': '{ "type": "module" }',
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', jsx: 'react-jsx', strict: true }, include: ['src'] }),
  'node_modules/ink/package.json': '{ "name": "ink", "type": "module", "main": "index.js" }',
  'node_modules/ink/index.js': 'export const Text = {};',
  'node_modules/@aws-sdk/client-healthlake/package.json': '{ "name": "@aws-sdk/client-healthlake", "type": "module", "main": "index.js" }',
  'node_modules/@aws-sdk/client-healthlake/index.js': 'export class HealthLakeClient {}',
  // The start-up path reaches Ink through a neutral module: only the static configuration sees it.
  'src/cli.ts': "import { EXIT } from './options.js';\nexport const load = () => import('./commands/create.js');\nexport { EXIT };\n",
  'src/options.ts': "import { Text } from 'ink';\nexport const EXIT = { ok: 0, text: Text };\n",
  // A command that imports a screen statically, and one that loads a screen's entry lazily (allowed).
  'src/commands/create.ts': "import { view } from '../ui/review/view.js';\nexport const show = view;\nexport const run = () => import('../ui/run-wizard.js');\n",
  'src/ui/run-wizard.ts': "export const runWizard = 1;\n",
  'src/ui/review/view.ts': "import { HealthLakeClient } from '@aws-sdk/client-healthlake';\nexport const view = HealthLakeClient;\n",
  // The client side importing a screen, and a cycle inside the store.
  'src/aws/session.ts': "import { runWizard } from '../ui/run-wizard.js';\nexport const session = runWizard;\n",
  'src/store/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
  'src/store/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
  // The request model takes the SDK's types (allowed), never its code.
  'src/request/types.ts': "import type { HealthLakeClient } from '@aws-sdk/client-healthlake';\nexport type Client = HealthLakeClient;\n",
  'src/request/send.ts': "import { HealthLakeClient } from '@aws-sdk/client-healthlake';\nexport const client = HealthLakeClient;\n",
  // Allowed: a lower layer's type from the neutral module.
  'src/domain-types.ts': "export type DatastoreStatus = 'ACTIVE';\n",
  'src/emulator/registry.ts': "import type { DatastoreStatus } from '../domain-types.js';\nexport const active: DatastoreStatus = 'ACTIVE';\n",
};

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

async function violations(config: string): Promise<string[]> {
  const cli = join(REPO_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const args = [cli, 'src', '--config', join(REPO_ROOT, config), '--output-type', 'json'];
  // depcruise exits non-zero when it finds errors; the report is on stdout either way.
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: work, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const report = JSON.parse(stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} -> ${to}`).sort();
}

beforeAll(() => {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), text);
  }
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('dependency rules', () => {
  it("report each broken layer rule and the cycle, and let a lazy screen entry, the neutral types and the SDK's types in the request model pass", async () => {
    expect(await violations('.dependency-cruiser.mjs')).toEqual([
      'commands-import-screens-only-dynamically: src/commands/create.ts -> src/ui/review/view.ts',
      'commands-load-screens-lazily: src/commands/create.ts -> src/ui/review/view.ts',
      'lower-layers-never-import-screens: src/aws/session.ts -> src/ui/run-wizard.ts',
      'no-circular: src/store/a.ts -> src/store/b.ts',
      'request-takes-only-sdk-types: src/request/send.ts -> node_modules/@aws-sdk/client-healthlake/index.js',
      'screens-never-import-the-sdk: src/ui/review/view.ts -> node_modules/@aws-sdk/client-healthlake/index.js',
    ]);
  });

  it('follow static imports from the entry points, not import()', async () => {
    expect(await violations('.dependency-cruiser-static.mjs')).toEqual([
      'lean-create: src/commands/create.ts -> node_modules/@aws-sdk/client-healthlake/index.js',
      'lean-startup: src/cli.ts -> node_modules/ink/index.js',
      'ui-without-sdk: src/ui/review/view.ts -> node_modules/@aws-sdk/client-healthlake/index.js',
    ]);
  });
});
