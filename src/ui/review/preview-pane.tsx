/** A rendered preview, scrolled to fit the lines available. */
import { Box, Text } from 'ink';

/** Props of `PreviewPane`. */
export interface PreviewPaneProps {
  text: string;
  /** First line shown. */
  offset: number;
  height: number;
}

/** The visible window of the text, with "more" markers. */
export function PreviewPane({ text, offset, height }: PreviewPaneProps) {
  const lines = text.replace(/\n$/, '').split('\n');
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
