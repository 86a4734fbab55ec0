/**
 * Turns the screen of a headless xterm into SVG: a still picture of one screen, or an animation of many
 * (each frame a group shown for its time with CSS keyframes; no script, so it plays in a README).
 */
import type xterm from '@xterm/headless';

type Terminal = InstanceType<typeof xterm.Terminal>;

/** A run of cells with the same style on one row. */
export interface Run {
  x: number;
  text: string;
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** A captured screen: rows of styled runs. */
export interface Snapshot {
  cols: number;
  rows: Run[][];
}

const THEME = {
  background: '#1e1e2e',
  foreground: '#cdd6f4',
  ansi: [
    '#45475a', '#f38ba8', '#a6e3a1', '#f9e2af', '#89b4fa', '#f5c2e7', '#94e2d5', '#bac2de',
    '#585b70', '#f38ba8', '#a6e3a1', '#f9e2af', '#89b4fa', '#f5c2e7', '#94e2d5', '#a6adc8',
  ],
};

function palette(index: number): string {
  if (index < 16) return THEME.ansi[index]!;
  if (index < 232) {
    const n = index - 16;
    const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
    return rgb(level(Math.floor(n / 36)), level(Math.floor(n / 6) % 6), level(n % 6));
  }
  const gray = 8 + (index - 232) * 10;
  return rgb(gray, gray, gray);
}

function rgb(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function colour(mode: 'fg' | 'bg', cell: NonNullable<ReturnType<NonNullable<ReturnType<Terminal['buffer']['active']['getLine']>>['getCell']>>): string | undefined {
  const isDefault = mode === 'fg' ? cell.isFgDefault() : cell.isBgDefault();
  if (isDefault) return undefined;
  const value = mode === 'fg' ? cell.getFgColor() : cell.getBgColor();
  const isRgb = mode === 'fg' ? cell.isFgRGB() : cell.isBgRGB();
  if (isRgb) return rgb((value >> 16) & 255, (value >> 8) & 255, value & 255);
  return palette(value);
}

/** Captures the visible screen with its colours. */
export function snapshot(term: Terminal): Snapshot {
  const buffer = term.buffer.active;
  const rows: Run[][] = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    const runs: Run[] = [];
    if (line) {
      let current: Run | undefined;
      for (let x = 0; x < term.cols; x++) {
        const cell = line.getCell(x);
        if (!cell || cell.getWidth() === 0) continue;
        const inverse = cell.isInverse() !== 0;
        let fg = colour('fg', cell);
        let bg = colour('bg', cell);
        if (inverse) [fg, bg] = [bg ?? THEME.background, fg ?? THEME.foreground];
        const style = {
          fg,
          bg,
          bold: cell.isBold() !== 0,
          dim: cell.isDim() !== 0,
          italic: cell.isItalic() !== 0,
          underline: cell.isUnderline() !== 0,
        };
        const chars = cell.getChars() || ' ';
        const same =
          current &&
          current.fg === style.fg &&
          current.bg === style.bg &&
          current.bold === style.bold &&
          current.dim === style.dim &&
          current.italic === style.italic &&
          current.underline === style.underline;
        if (same) current!.text += chars;
        else {
          current = { x, text: chars, ...style };
          runs.push(current);
        }
      }
    }
    // Drop trailing blank, unstyled runs.
    while (runs.length && !runs.at(-1)!.bg && runs.at(-1)!.text.trim() === '') runs.pop();
    rows.push(runs);
  }
  return { cols: term.cols, rows };
}

const CELL_W = 8.4;
const CELL_H = 18;
const PAD = 12;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderScreen(shot: Snapshot): string {
  const parts: string[] = [];
  shot.rows.forEach((runs, y) => {
    for (const run of runs) {
      const width = [...run.text].length * CELL_W;
      if (run.bg) {
        parts.push(`<rect x="${(PAD + run.x * CELL_W).toFixed(1)}" y="${PAD + y * CELL_H}" width="${width.toFixed(1)}" height="${CELL_H}" fill="${run.bg}"/>`);
      }
    }
    const spans = runs
      .filter((run) => run.text.trim() !== '')
      .map((run) => {
        const attrs = [`x="${(PAD + run.x * CELL_W).toFixed(1)}"`];
        if (run.fg) attrs.push(`fill="${run.fg}"`);
        if (run.bold) attrs.push('font-weight="bold"');
        if (run.dim) attrs.push('opacity="0.6"');
        if (run.italic) attrs.push('font-style="italic"');
        if (run.underline) attrs.push('text-decoration="underline"');
        return `<tspan ${attrs.join(' ')}>${escapeXml(run.text)}</tspan>`;
      });
    if (spans.length) parts.push(`<text y="${PAD + y * CELL_H + 13}" xml:space="preserve">${spans.join('')}</text>`);
  });
  return parts.join('');
}

function frameSize(shot: Snapshot): { width: number; height: number } {
  return { width: Math.ceil(shot.cols * CELL_W + PAD * 2), height: shot.rows.length * CELL_H + PAD * 2 };
}

function svgOpen(width: number, height: number, extraStyle = ''): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<style>text{font-family:"DejaVu Sans Mono","Menlo","Consolas",monospace;font-size:14px;fill:${THEME.foreground};white-space:pre}${extraStyle}</style>` +
    `<rect width="100%" height="100%" rx="6" fill="${THEME.background}"/>`
  );
}

/** One screen as a still SVG. */
export function renderStill(shot: Snapshot): string {
  const { width, height } = frameSize(shot);
  return `${svgOpen(width, height)}${renderScreen(shot)}</svg>\n`;
}

/**
 * Screens shown one after another, each for its duration, looping. A viewer that does not play CSS animations (an
 * image preview, a static renderer) shows the poster frame, by default the last one (the data store ACTIVE): its
 * base style is visible, every other frame's hidden; where the animation plays, its keyframes decide for all.
 */
export function renderAnimation(frames: { shot: Snapshot; durationMs: number }[], poster = frames.length - 1): string {
  const first = frames[0];
  if (!first) throw new Error('no frames to render');
  const { width, height } = frameSize(first.shot);
  const total = frames.reduce((sum, frame) => sum + frame.durationMs, 0);
  let elapsed = 0;
  const styles: string[] = [];
  const groups: string[] = [];
  frames.forEach((frame, index) => {
    const start = (elapsed / total) * 100;
    const end = ((elapsed + frame.durationMs) / total) * 100;
    elapsed += frame.durationMs;
    styles.push(
      `@keyframes f${index}{0%,${start.toFixed(3)}%{visibility:hidden}${start.toFixed(3)}%,${end.toFixed(3)}%{visibility:visible}` +
        `${Math.min(100, end + 0.001).toFixed(3)}%,100%{visibility:hidden}}` +
        `#f${index}{visibility:${index === poster ? 'visible' : 'hidden'};animation:f${index} ${(total / 1000).toFixed(2)}s step-end infinite}`,
    );
    groups.push(`<g id="f${index}">${renderScreen(frame.shot)}</g>`);
  });
  return `${svgOpen(width, height, styles.join(''))}${groups.join('')}</svg>\n`;
}
