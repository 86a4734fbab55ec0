/** A rendered preview, scrolled to fit the lines available. */
import { Box, Text } from 'ink';
import { layoutPreviewLines, type PaneRow, type PreviewLayout } from './preview-lines.js';

/** Props of `PreviewPane`. */
export interface PreviewPaneProps {
  text: string;
  /** First line shown. */
  offset: number;
  height: number;
  width: number;
  /** How long lines are laid out (see `preview-lines.ts`); prose by default. */
  layout?: PreviewLayout;
}

/** What the pane shows of the text at this width: its rows, and whether any line had to be cut. */
function paneRows(text: string, width: number, layout: PreviewLayout): { rows: PaneRow[]; cut: boolean } {
  const rows = layoutPreviewLines(text.replace(/\n$/, '').split('\n'), Math.max(20, width - 1), layout);
  return { rows, cut: rows.some((row) => row.cut) };
}

/** The furthest the pane scrolls for this text: 0 when it fits. */
export function maxPreviewOffset(text: string, height: number, width: number, layout: PreviewLayout = 'prose'): number {
  const { rows, cut } = paneRows(text, width, layout);
  return Math.max(0, rows.length - (height - (cut ? 1 : 0)));
}

/** The visible window of the text, with "more" markers; a line cut at the width ends in a marked `…`. */
export function PreviewPane({ text, offset, height, width, layout = 'prose' }: PreviewPaneProps) {
  const { rows, cut } = paneRows(text, width, layout);
  // The note on cut lines takes a row of the pane, always shown while the text has one.
  const shown = height - (cut ? 1 : 0);
  const top = Math.max(0, Math.min(offset, rows.length - shown));
  return (
    <Box flexDirection="column">
      {top > 0 ? <Text dimColor>↑ {top} more lines</Text> : null}
      {rows.slice(top, top + shown).map((row, index) => (
        <Text key={top + index} wrap="truncate-end">
          {row.text === '' ? ' ' : row.text}
          {row.cut ? (
            <Text color="yellow" inverse>
              …
            </Text>
          ) : null}
        </Text>
      ))}
      {top + shown < rows.length ? <Text dimColor>↓ {rows.length - top - shown} more lines</Text> : null}
      {cut ? (
        <Text color="yellow" wrap="truncate-end">
          … a line longer than the pane is cut there: w writes the whole tab to a file
        </Text>
      ) : null}
    </Box>
  );
}
