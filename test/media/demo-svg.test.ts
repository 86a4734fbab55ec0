/**
 * The animated demo (media/demo.svg) in a viewer that does not play CSS animations: it shows one poster frame
 * instead of an empty terminal. Each frame is a group whose base style hides it; the poster's shows it.
 */
import xterm from '@xterm/headless';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAnimation, snapshot } from '../../media/terminal-svg.js';
import { REPO_ROOT } from '../support/pty-terminal.js';

/** A screen showing `text`, as the recorder snapshots one. */
async function screenOf(text: string) {
  const term = new xterm.Terminal({ cols: 20, rows: 2, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(text, resolve));
  const shot = snapshot(term);
  term.dispose();
  return shot;
}

/** The frames a static viewer shows: those whose base style (outside @keyframes) is visible. */
function staticallyVisible(svg: string): string[] {
  const style = /<style>([\s\S]*?)<\/style>/.exec(svg)![1]!.replace(/@keyframes f\d+\{(?:[^{}]*\{[^{}]*\})*\}/g, '');
  return [...style.matchAll(/#(f\d+)\{visibility:visible/g)].map(([, id]) => id!);
}

/** The text of a frame's group. */
function frameText(svg: string, id: string): string {
  const group = new RegExp(`<g id="${id}">([\\s\\S]*?)</g>`).exec(svg)![1]!;
  return group.replace(/<[^>]+>/g, '');
}

describe('renderAnimation', () => {
  it('shows the last frame to a static viewer, or the poster asked for, and keeps it hidden outside its time when playing', async () => {
    const frames = await Promise.all(['first', 'second', 'third'].map(async (text) => ({ shot: await screenOf(text), durationMs: 1000 })));
    const svg = renderAnimation(frames);
    expect(staticallyVisible(svg)).toEqual(['f2']);
    expect(frameText(svg, 'f2')).toContain('third');
    // Playing, the keyframes decide: the poster is hidden before its third of the loop.
    expect(svg).toMatch(/@keyframes f2\{0%,66\.667%\{visibility:hidden\}66\.667%,100\.000%\{visibility:visible\}/);
    expect(staticallyVisible(renderAnimation(frames, 0))).toEqual(['f0']);
  });
});

describe('media/demo.svg', () => {
  it('has one poster frame for static viewers: the data store ACTIVE', () => {
    const svg = readFileSync(join(REPO_ROOT, 'media', 'demo.svg'), 'utf8');
    const visible = staticallyVisible(svg);
    expect(visible).toHaveLength(1);
    expect(frameText(svg, visible[0]!)).toContain('ACTIVE');
  });
});
