/** A rendered preview, scrolled to fit the lines available. */
import { Box, Text } from 'ink';

/** Props of `PreviewPane`. */
export interface PreviewPaneProps {
  text: string;
  /** First line shown. */
  offset: number;
  height: number;
  width: number;
}

/**
 * Long lines (an aws command's JSON argument) are cut into pieces that fit, not truncated: nothing is hidden.
 * A cut falls after a space, comma or colon where there is one, never inside a word such as
 * CUSTOMER_MANAGED_KMS_KEY, and never before a line's continuation character; only a word longer than the
 * whole line is cut at the width.
 */
export function wrapPreviewLines(lines: string[], width: number): string[] {
  return lines.flatMap((line) => {
    let rest = [...line];
    const pieces: string[] = [];
    while (rest.length > width) {
      let cut = width;
      for (let at = width; at > width / 3; at--) {
        // A shell's continuation character stays on its line: alone on the next one, it would end the command.
        const leftAlone = rest.length - at === 1 && '\\`^'.includes(rest[at]!);
        if (' ,:'.includes(rest[at - 1]!) && !leftAlone) {
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

/** The text's lines as the pane shows them, at this width. */
function paneLines(text: string, width: number): string[] {
  return wrapPreviewLines(text.replace(/\n$/, '').split('\n'), Math.max(20, width - 1));
}

/** The furthest the pane scrolls for this text: 0 when it fits. */
export function maxPreviewOffset(text: string, height: number, width: number): number {
  return Math.max(0, paneLines(text, width).length - height);
}

/** The visible window of the text, with "more" markers. */
export function PreviewPane({ text, offset, height, width }: PreviewPaneProps) {
  const lines = paneLines(text, width);
  const top = Math.max(0, Math.min(offset, lines.length - height));
  return (
    <Box flexDirection="column">
      {top > 0 ? <Text dimColor>↑ {top} more lines</Text> : null}
      {lines.slice(top, top + height).map((line, index) => (
        <Text key={top + index} wrap="truncate-end">
          {line === '' ? ' ' : line}
        </Text>
      ))}
      {top + height < lines.length ? <Text dimColor>↓ {lines.length - top - height} more lines</Text> : null}
    </Box>
  );
}
