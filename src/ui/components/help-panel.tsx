/** The field's help from the spec: the short sentence by default, the long text on `?`, scrolling to fit the screen. */
import { Box, Text } from 'ink';
import type { Help } from '../../parameter-model/index.js';
import { wrapWords } from '../../wizard-flow/wrap-words.js';

/** Props of `HelpPanel`. */
export interface HelpPanelProps {
  /** The help texts, most relevant first. */
  helps: Help[];
  long: boolean;
  /** Columns available for the text. */
  width: number;
  /** Rows the long help may take, so that the step still fits the terminal. */
  maxLines: number;
  /** The first line of the long help shown (it scrolls when taller than `maxLines`). */
  offset?: number;
}



/** The long help as lines for a panel `columns` wide: a title line (marked with NUL) then its text, per help. */
export function longHelpLines(helps: readonly Help[], columns: number): string[] {
  return helps.flatMap((help) => [`\u0000${help.label}`, ...wrapWords(help.long, Math.max(20, columns - 4))]);
}

/** Rows of text the long help may take on a terminal this tall, so that the step still fits. */
export function longHelpRows(terminalRows: number): number {
  // Everything but the long help takes about 17 rows (more for a list input; the footer may take two); the help
  // gets the rest.
  return Math.max(LEAST_LONG_HELP_ROWS, terminalRows - OTHER_ROWS);
}

/** Rows everything but the long help takes on a step. */
const OTHER_ROWS = 19;
/** The fewest rows the long help takes, however short the terminal: its two markers and two lines. */
const LEAST_LONG_HELP_ROWS = 4;

/** Whether the long help on a terminal this tall gets only its fewest rows, so the step would not fit with more. */
export function longHelpSqueezed(terminalRows: number): boolean {
  return terminalRows - OTHER_ROWS < LEAST_LONG_HELP_ROWS;
}

/** The furthest the long help scrolls: its last line at the bottom of the window (markers take two rows). */
export function maxHelpOffset(lineCount: number, maxLines: number): number {
  return lineCount <= maxLines ? 0 : lineCount - Math.max(1, maxLines - 2);
}

/** Short or long help; the long help scrolls (PgUp/PgDn) when it is taller than `maxLines`. */
export function HelpPanel({ helps, long, width, maxLines, offset = 0 }: HelpPanelProps) {
  if (!long) {
    return (
      <Box flexDirection="column">
        {helps.map((help) => (
          <Text key={help.label}>{help.short}</Text>
        ))}
      </Box>
    );
  }
  const lines = longHelpLines(helps, width);
  const fits = lines.length <= maxLines;
  const top = fits ? 0 : Math.min(Math.max(0, offset), maxHelpOffset(lines.length, maxLines));
  const shown = fits ? lines : lines.slice(top, top + Math.max(1, maxLines - 2));
  const below = lines.length - top - shown.length;
  return (
    <Box flexDirection="column" borderStyle="round" borderDimColor paddingX={1}>
      {fits ? null : <Text dimColor>{top > 0 ? `↑ ${top} more lines (PgUp)` : ' '}</Text>}
      {shown.map((line, index) =>
        line.startsWith('\u0000') ? (
          <Text key={top + index} bold>
            {line.slice(1)}
          </Text>
        ) : (
          <Text key={top + index}>{line === '' ? ' ' : line}</Text>
        ),
      )}
      {fits ? null : <Text dimColor>{below > 0 ? `↓ ${below} more lines (PgDn)` : ' '}</Text>}
    </Box>
  );
}
