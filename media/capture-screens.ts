/**
 * Regenerates the still captures of the wizard's main screens in media/screens/ (plain text and SVG), from the
 * real built program in an 80x24 pseudo-terminal, in the sandbox. Run: `npm run build && node scripts/run-ts.js
 * media/capture-screens.ts`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS, REPO_ROOT, spawnCli, type PtyTerminal } from '../test/support/pty-terminal.js';
import { pasteAndEnter, smartOnFhirUpToCapabilities } from '../test/support/wizard-steps.js';
import { renderStill, snapshot } from './terminal-svg.js';

// The script runs bundled from .tmp/, so the output is found from the repository root.
const OUT = join(REPO_ROOT, 'media', 'screens');

/** Saves the screen once the program has drawn it whole (a frame can arrive in several writes). */
async function save(term: PtyTerminal, name: string): Promise<void> {
  await term.settled();
  writeFileSync(join(OUT, `${name}.txt`), `${term.screen().replace(/\s+$/, '')}\n`);
  writeFileSync(join(OUT, `${name}.svg`), renderStill(snapshot(term.terminal)));
  console.log(`media/screens/${name}.txt`);
}

function environment(root: string, extra: Record<string, string> = {}) {
  return { HOME: join(root, 'home'), HEALTHLAKE_WIZARD_CONFIG_DIR: join(root, 'config'), HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '6000', ...extra };
}

/** Types as a person does, one key at a time, each shown before the next. */
async function typeAndEnter(term: PtyTerminal, text: string): Promise<void> {
  await term.press(...text, KEYS.enter);
}

async function captureFirstRun(root: string): Promise<void> {
  const term = spawnCli([], { cols: 80, rows: 24, env: environment(root) });
  try {
    // The header's region comes after the credentials check.
    await term.waitFor((screen) => screen.includes('No AWS credentials were found') && screen.includes('Region not chosen yet'));
    await save(term, '01-start-first-run');
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
    await save(term, '02-step-name-with-help');
    await term.press('?', KEYS.enter);
    await term.waitFor('FHIR version');
    await term.press(KEYS.enter);
    await term.waitFor('Encryption › Key type');
    await term.press(KEYS.down, KEYS.down, KEYS.enter);
    await term.waitFor('Encryption › KMS key');
    // The key picker: the target's keys, usable first with their state; typing filters, Enter takes the first.
    await term.waitFor('sandbox-usable');
    term.type('usable');
    await term.waitFor('Filter: usable');
    await save(term, '03-step-kms-key-picker');
    await term.press(KEYS.enter);
    await term.waitFor('Sample data');
    await term.press(KEYS.down, KEYS.enter);
    await term.waitFor('No tags yet');
    await term.press('a');
    await typeAndEnter(term, 'team');
    await typeAndEnter(term, 'data');
    await term.waitFor('team = data');
    await save(term, '04-step-tags');
    await term.press(KEYS.down, KEYS.down, KEYS.enter);
    await smartOnFhirUpToCapabilities(term);
    await term.press(KEYS.space);
    await save(term, '05-step-smart-metadata-builder');
    await term.press(KEYS.enter, KEYS.enter);
    await term.waitFor('IdP Lambda ARN');
    await pasteAndEnter(term, 'arn:aws:lambda:us-east-1:123456789012:function:sandbox-token-decoder');
    await term.waitFor('Client token');
    await term.press(KEYS.enter);
    await term.waitFor('Review —');
    await save(term, '06-review-answers');
    // The aws command is captured for bash; its PowerShell and cmd tabs, Terraform, CDK and the checks are passed over.
    const tabs = ['json', 'yaml', 'aws-command', undefined, undefined, 'cloudformation', undefined, undefined, undefined];
    let shot = 7;
    for (const tab of tabs) {
      await term.press(KEYS.right);
      if (tab) await save(term, `${String(shot++).padStart(2, '0')}-review-${tab}`);
    }
    // Back to the answers (the tabs wrap) and Enter on the selected "Create data store".
    await term.press(KEYS.right);
    await term.waitFor('Create data store');
    await term.press(KEYS.enter);
    await term.waitFor('billed per hour');
    await save(term, '11-review-confirm');
    await term.press('y');
    await term.waitFor(/CREATING[\s\S]*Checked/, 20_000);
    await save(term, '12-status-creating');
    await term.waitFor('The data store is ACTIVE', 30_000);
    await save(term, '13-status-active');
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
