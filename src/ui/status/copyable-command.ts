/**
 * Command lines a person copies from the terminal: they must paste as one command. Ink cuts a line wider than
 * the terminal into two screen lines (at a space when it can, leaving a blank line after a `\`), and a copy
 * keeps that cut. Here no line is wider than the terminal: arguments go one per line, continued with `\`, and
 * an argument longer than a line (a data store's URL) is broken inside its double quotes with a backslash and a
 * newline, which POSIX shells remove there.
 */
import { commandLines } from '../../request/help.js';

/** The command's lines, none wider than `width` columns. */
export function copyableCommand(args: readonly string[], width: number, indent = '   '): string[] {
  return commandLines(args, width, indent).flatMap((line) => breakInsideQuotes(line, width));
}

function breakInsideQuotes(line: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while ([...rest].length > width) {
    const opening = rest.indexOf('"');
    // Only a double-quoted string can be continued this way; anything else is left to the terminal.
    if (opening === -1 || opening >= width - 2) break;
    const room = rest.slice(0, width - 1);
    // Prefer a break after a "/" (a URL reads better cut between its parts), else at the width.
    const slash = room.lastIndexOf('/');
    const cut = slash > opening ? slash + 1 : width - 1;
    pieces.push(`${rest.slice(0, cut)}\\`);
    // The continuation starts at column 0: inside the quotes, an indent would become part of the value.
    rest = rest.slice(cut);
  }
  return [...pieces, rest];
}
