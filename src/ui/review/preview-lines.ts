/**
 * How a preview's lines are laid out in a pane narrower than they are, so that what a person copies from the
 * screen means what the tab means. Prose is wrapped between words. Code is never cut where a cut changes it:
 *
 * - an aws command (bash, PowerShell, cmd) is broken between arguments, outside quotes, with the shell's own
 *   continuation (` \`, `` ` ``, ` ^`, as the renderer ends each flag's line); a JSON argument in single quotes
 *   (bash, PowerShell) too long for a row is broken between its JSON tokens: inside single quotes both shells
 *   keep the line break as it is, and JSON reads it as white space, so the AWS CLI gets the same value;
 * - the JSON request is broken between tokens the same way;
 * - YAML, CloudFormation, Terraform and CDK are never broken (a break in YAML, a string or a comment changes it).
 *
 * What still does not fit (a long string, a long word in cmd, any long line of the other formats) is cut at the
 * width and marked: the pane says so, and `w` writes the whole tab to a file.
 */
import type { Shell } from '../../request/render-aws-command.js';

/** How a pane lays out its text: prose, an aws command for a shell, the JSON request, or code kept whole. */
export type PreviewLayout = 'prose' | { shell: Shell } | 'json' | 'whole';

/** One row of the pane; `cut` when the line went on beyond the width and was cut there. */
export interface PaneRow {
  text: string;
  cut: boolean;
}

const CONTINUATION: Record<Shell, string> = { bash: ' \\', powershell: ' `', cmd: ' ^' };

/**
 * Prose: cut into pieces that fit, after a space, comma or colon where there is one, never inside a word; only a
 * word longer than the whole line is cut at the width.
 */
export function wrapProseLines(lines: string[], width: number): string[] {
  return lines.flatMap((line) => {
    let rest = [...line];
    const pieces: string[] = [];
    while (rest.length > width) {
      let cut = width;
      for (let at = width; at > width / 3; at--) {
        if (' ,:'.includes(rest[at - 1]!)) {
          cut = at;
          break;
        }
      }
      pieces.push(rest.slice(0, cut).join(''));
      rest = rest.slice(cut);
    }
    return [...pieces, rest.join('')];
  });
}

/** A piece of a line and whether a row may end before it: not at all, with the shell's continuation, or as is. */
interface Piece {
  text: string;
  breakBefore: 'never' | 'continuation' | 'plain';
  /** Starts a new word: a space goes before it when it stays on the row. */
  word: boolean;
}

/** JSON text cut after each `,` `:` `{` `[` outside its strings: where white space may go. */
function jsonPieces(text: string): string[] {
  const pieces: string[] = [];
  let inString = false;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (',:{['.includes(char)) {
      pieces.push(text.slice(start, index + 1));
      start = index + 1;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/**
 * The words of a shell line, split at spaces outside quotes: `'` for bash (a quote inside is written '\''), and
 * PowerShell (doubled inside); for cmd the program's `"` (`\"` is a quote inside), and a word may follow a line
 * break only where cmd's own quote state (toggled by every `"`) is off too, or its `^` would not continue the line.
 */
function shellWords(text: string, shell: Shell): { word: string; breakable: boolean }[] {
  const words: { word: string; breakable: boolean }[] = [];
  let quoted = false;
  let cmdQuoted = false;
  let backslashes = 0;
  let word = '';
  for (const char of text) {
    if (shell === 'cmd') {
      if (char === '"') {
        cmdQuoted = !cmdQuoted;
        if (backslashes % 2 === 0) quoted = !quoted;
      }
    } else if (char === "'" && !(shell === 'bash' && !quoted && backslashes % 2 === 1)) {
      quoted = !quoted;
    }
    backslashes = char === '\\' ? backslashes + 1 : 0;
    if (char === ' ' && !quoted) {
      if (word !== '') words.push({ word, breakable: !cmdQuoted });
      word = '';
    } else {
      word += char;
    }
  }
  if (word !== '') words.push({ word, breakable: !cmdQuoted });
  return words;
}

/** Lays out one line's pieces in rows of `width`, each row after the first indented by `indent`. */
function packPieces(lead: string, pieces: Piece[], indent: string, width: number, continuation: string, ending: string): PaneRow[] {
  const rows: string[] = [];
  let row = lead;
  let fresh = true;
  for (const [index, piece] of pieces.entries()) {
    const last = index === pieces.length - 1;
    const joined = `${row}${piece.word && !fresh ? ' ' : ''}${piece.text}`;
    const room = width - (last ? ending.length : continuation.length);
    if (joined.length <= room || fresh || piece.breakBefore === 'never') {
      row = joined;
      fresh = false;
      continue;
    }
    rows.push(piece.breakBefore === 'continuation' ? `${row}${continuation}` : row);
    row = `${indent}${piece.text}`;
  }
  rows.push(`${row}${ending}`);
  return rows.map((text) => fitRow(text, width));
}

/** A row as shown: whole when it fits, else cut at the width and marked. */
function fitRow(text: string, width: number): PaneRow {
  const chars = [...text];
  return chars.length <= width ? { text, cut: false } : { text: chars.slice(0, width - 1).join(''), cut: true };
}

function layoutShellLine(line: string, shell: Shell, width: number): PaneRow[] {
  if ([...line].length <= width) return [{ text: line, cut: false }];
  const continuation = CONTINUATION[shell];
  const ending = line.endsWith(continuation) ? continuation : '';
  const body = line.slice(0, line.length - ending.length);
  const lead = /^ */.exec(body)![0];
  const indent = `${lead}  `;
  const pieces: Piece[] = [];
  const words = shellWords(body.slice(lead.length), shell);
  for (const [index, { word }] of words.entries()) {
    const breakBefore = index === 0 || !words[index - 1]!.breakable ? 'never' : 'continuation';
    const json = shell !== 'cmd' && /^'[[{]/.test(word) && [...indent, ...word].length > width - continuation.length;
    if (!json) {
      pieces.push({ text: word, breakBefore, word: true });
      continue;
    }
    for (const [at, text] of jsonPieces(word).entries()) pieces.push({ text, breakBefore: at === 0 ? breakBefore : 'plain', word: at === 0 });
  }
  return packPieces(lead, pieces, indent, width, continuation, ending);
}

function layoutJsonLine(line: string, width: number): PaneRow[] {
  if ([...line].length <= width) return [{ text: line, cut: false }];
  const lead = /^ */.exec(line)![0];
  const pieces = jsonPieces(line.slice(lead.length)).map((text, at): Piece => ({ text: at === 0 ? text : text.replace(/^ /, ''), breakBefore: at === 0 ? 'never' : 'plain', word: at > 0 && text.startsWith(' ') }));
  return packPieces(lead, pieces, `${lead}  `, width, '', '');
}

/** The rows of a preview's lines in a pane `width` columns wide. */
export function layoutPreviewLines(lines: string[], width: number, layout: PreviewLayout): PaneRow[] {
  if (layout === 'prose') return wrapProseLines(lines, width).map((text) => ({ text, cut: false }));
  if (layout === 'whole') return lines.map((line) => fitRow(line, width));
  if (layout === 'json') return lines.flatMap((line) => layoutJsonLine(line, width));
  return lines.flatMap((line) => layoutShellLine(line, layout.shell, width));
}
