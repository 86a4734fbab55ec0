/**
 * `npm run media`: records a complete sandbox run of the real, built program in a pseudo-terminal — first-run
 * start screen, every step, review with each preview tab, submission, status panel, ACTIVE — and writes
 *   media/demo.cast        the recording (asciicast v2, playable with asciinema)
 *   media/demo.svg         the recording as an animated SVG (for the README)
 * (Stills of each main screen are made by media/capture-screens.ts; `npm run media` runs both.) The run uses an empty HOME, so it is exactly what a new user sees.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT_FORMAT_NAMES } from '../src/request/export-formats.js';
import { KEYS, REPO_ROOT, spawnCli, type PtyTerminal } from '../test/support/pty-terminal.js';
import { renderAnimation, snapshot, type Snapshot } from './terminal-svg.js';

const COLS = 80;
const ROWS = 24;
/** Pause after each action so a viewer can follow (the recording keeps real timings). */
const BEAT_MS = Number(process.env.MEDIA_BEAT_MS ?? 700);

const out = join(REPO_ROOT, 'media');

const home = mkdtempSync(join(tmpdir(), 'hlw-media-'));
const term = spawnCli([], {
  cols: COLS,
  rows: ROWS,
  env: {
    HOME: home,
    HEALTHLAKE_WIZARD_CONFIG_DIR: join(home, 'config'),
    HEALTHLAKE_WIZARD_SANDBOX_CREATE_DELAY_MS: '9000',
    FORCE_COLOR: '3',
  },
});

const frames: { at: number; shot: Snapshot }[] = [];
const started = performance.now();
let lastScreen = '';
/** Samples the screen whenever it changes (the animation's frames). */
const sampler = setInterval(() => {
  const screen = term.screen();
  if (screen === lastScreen) return;
  lastScreen = screen;
  frames.push({ at: performance.now() - started, shot: snapshot(term.terminal) });
}, 40);

const pause = (ms = BEAT_MS) => new Promise((resolve) => setTimeout(resolve, ms));

async function keys(...sequence: string[]): Promise<void> {
  for (const key of sequence) {
    await term.press(key);
    await pause(BEAT_MS / 2);
  }
  await pause();
}

/** Types like a person: a character at a time. */
async function typeSlowly(text: string): Promise<void> {
  for (const ch of text) {
    term.type(ch);
    await pause(60);
  }
  await pause();
}

async function run(t: PtyTerminal): Promise<void> {
  await t.waitFor('sandbox');
  await pause(1500);
  await keys(KEYS.enter);

  await t.waitFor('Step 1 of');
  await typeSlowly('Clinic demo Ñandú 2026');
  await keys('?');
  await keys('?', KEYS.enter);

  await t.waitFor('FHIR version');
  await keys(KEYS.enter);
  await t.waitFor('Encryption › Key type');
  await keys(KEYS.down, KEYS.down, KEYS.enter);
  await t.waitFor('Encryption › KMS key');
  await typeSlowly('alias/sandbox-usable');
  await keys(KEYS.enter);
  await t.waitFor('Sample data');
  await keys(KEYS.down, KEYS.enter);
  await t.waitFor('No tags yet');
  await keys('a');
  await typeSlowly('team');
  await keys(KEYS.enter);
  await typeSlowly('clinical-data');
  await keys(KEYS.enter);
  await keys(KEYS.down, KEYS.down, KEYS.enter);
  await t.waitFor('Authorization strategy');
  await keys(KEYS.enter);
  await t.waitFor('Client token');
  await keys(KEYS.enter);

  await t.waitFor('Review');
  await pause(1200);
  // Every preview tab (one per export format), then the pre-flight checks.
  const tabs = [...EXPORT_FORMAT_NAMES, 'checks'];
  for (const _tab of tabs) {
    await keys(KEYS.right);
    await pause(900);
  }
  // Back to the answers, whose primary action "Create data store" is selected: Enter opens the confirmation.
  await keys(KEYS.right);
  await t.waitFor('Create data store');
  await pause(900);
  await keys(KEYS.enter);
  await t.waitFor('billed per hour');
  await keys('y');

  await t.waitFor('CREATING', 20_000);
  await pause(2500);
  await t.waitFor('ACTIVE', 30_000);
  await pause(2500);
}

try {
  console.log('recording a sandbox run...');
  await run(term);
  await Promise.race([term.exited, pause(3000)]);
} finally {
  clearInterval(sampler);
  await term.close();
  rmSync(home, { recursive: true, force: true });
}

// asciicast v2: a header line, then [seconds, "o", data] per output chunk.
const cast = [
  JSON.stringify({ version: 2, width: COLS, height: ROWS, title: 'healthlake-wizard: a sandbox run', env: { TERM: 'xterm-256color' } }),
  ...term.events.map((event) => JSON.stringify([Number((event.at / 1000).toFixed(3)), 'o', event.data])),
].join('\n');
writeFileSync(join(out, 'demo.cast'), `${cast}\n`);

// Each frame lasts until the next one; idle stretches are shortened so the loop stays watchable.
const animation = frames.map((frame, index) => {
  const next = frames[index + 1]?.at ?? frame.at + 4000;
  return { shot: frame.shot, durationMs: Math.min(Math.max(next - frame.at, 40), 2500) };
});
writeFileSync(join(out, 'demo.svg'), renderAnimation(animation));
console.log(`wrote media/demo.cast (${term.events.length} chunks) and media/demo.svg (${frames.length} frames)`);
