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

/** Long lines (an aws command's JSON argument) are cut into pieces that fit, not truncated: nothing is hidden. */
function hardWrap(lines: string[], width: number): string[] {
  return lines.flatMap((line) => {
    const chars = [...line];
    if (chars.length <= width) return [line];
    const pieces: string[] = [];
    for (let start = 0; start < chars.length; start += width) pieces.push(chars.slice(start, start + width).join(''));
    return pieces;
  });
}

/** The visible window of the text, with "more" markers. */
export function PreviewPane({ text, offset, height, width }: PreviewPaneProps) {
  const lines = hardWrap(text.replace(/\n$/, '').split('\n'), Math.max(20, width - 1));
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
