/**
 * Regenerates the still captures of the wizard's main screens in media/screens/ (plain text and SVG), from the
 * real built program in an 80x24 pseudo-terminal, in the sandbox. Run: `npm run build && node scripts/run-ts.js
 * media/capture-screens.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS, REPO_ROOT, spawnCli, type PtyTerminal } from '../test/support/pty-terminal.js';
import { renderStill, snapshot } from './terminal-svg.js';

// The script runs bundled from .tmp/, so the output is found from the repository root.
const OUT = join(REPO_ROOT, 'media', 'screens');

function save(term: PtyTerminal, name: string): void {
  writeFileSync(join(OUT, `${name}.txt`), `${term.screen().replace(/\s+$/, '')}\n`);
  writeFileSync(join(OUT, `${name}.svg`), renderStill(snapshot(term.terminal)));
  console.log(`media/screens/${name}.txt`);
}

function environment(root: string, extra: Record<string, string> = {}) {
  return { HOME: join(root, 'home'), HEALTHLAKE_WIZARD_CONFIG_DIR: join(root, 'config'), HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '6000', ...extra };
}

async function pasteAndEnter(term: PtyTerminal, text: string): Promise<void> {
  const before = term.screen();
  term.type(text);
  await term.waitFor((screen) => screen !== before);
  await term.press(KEYS.enter);
}

/** Types as a person does, one key at a time, each shown before the next. */
async function typeAndEnter(term: PtyTerminal, text: string): Promise<void> {
  await term.press(...text, KEYS.enter);
}

async function captureFirstRun(root: string): Promise<void> {
  const term = spawnCli([], { cols: 80, rows: 24, env: environment(root) });
  try {
    await term.waitFor('No AWS credentials were found');
    save(term, '01-start-first-run');
  } finally {
    await term.close();
  }
}

async function captureSandboxRun(root: string): Promise<void> {
  const term = spawnCli(['--sandbox'], { cols: 80, rows: 24, env: environment(root) });
  try {
    await term.waitFor('Step 1 of 7');
    term.type('clinic-demo');
    await term.waitFor('clinic-demo');
    await term.press('?');
    await term.waitFor('It is not unique');
    save(term, '02-step-name-with-help');
    await term.press('?', KEYS.enter);
    await term.waitFor('FHIR version');
    await term.press(KEYS.enter);
    await term.waitFor('Encryption › Key type');
    await term.press(KEYS.down, KEYS.down, KEYS.enter);
    await term.waitFor('Encryption › KMS key');
    term.type('alias/clinic#');
    await term.waitFor('alias/clinic#');
    save(term, '03-step-kms-key-live-validation');
    await term.press(KEYS.backspace);
    await term.press(KEYS.enter);
    await term.waitFor('Sample data');
    await term.press(KEYS.down, KEYS.enter);
    await term.waitFor('No tags yet');
    await term.press('a');
    await typeAndEnter(term, 'team');
    await typeAndEnter(term, 'data');
    await term.waitFor('team = data');
    save(term, '04-step-tags');
    await term.press(KEYS.down, KEYS.down, KEYS.enter);
    await term.waitFor('Authorization strategy');
    await term.press(KEYS.down, KEYS.down, KEYS.enter);
    await term.waitFor('Fine-grained authorization');
    await term.press(KEYS.down, KEYS.enter);
    await term.waitFor('How do you want to give the metadata?');
    await term.press(KEYS.enter);
    await pasteAndEnter(term, 'https://auth.example.com/authorize');
    await pasteAndEnter(term, 'https://auth.example.com/token');
    await term.waitFor('Grant types');
    await term.press(KEYS.enter);
    await term.waitFor('SMART capabilities');
    await term.press(KEYS.space);
    save(term, '05-step-smart-metadata-builder');
    await term.press(KEYS.enter, KEYS.enter);
    await term.waitFor('IdP Lambda ARN');
    await pasteAndEnter(term, 'arn:aws:lambda:us-east-1:111122223333:function:smart-decoder');
    await term.waitFor('Client token');
    await term.press(KEYS.enter);
    await term.waitFor('Review —');
    save(term, '06-review-answers');
    const tabs = ['json', 'yaml', 'aws-command', 'cloudformation'];
    for (const [index, tab] of tabs.entries()) {
      await term.press(KEYS.right);
      save(term, `${String(7 + index).padStart(2, '0')}-review-${tab}`);
    }
    await term.press(KEYS.right, 'c');
    await term.waitFor('billed per hour');
    save(term, '11-review-confirm');
    await term.press('y');
    await term.waitFor(/CREATING[\s\S]*Checked/, 20_000);
    save(term, '12-status-creating');
    await term.waitFor('The data store is ACTIVE', 30_000);
    save(term, '13-status-active');
    await term.exited;
  } finally {
    await term.close();
  }
}

mkdirSync(OUT, { recursive: true });
const root = mkdtempSync(join(tmpdir(), 'hlw-media-'));
try {
  await captureFirstRun(root);
  await captureSandboxRun(root);
} finally {
  rmSync(root, { recursive: true, force: true });
}
