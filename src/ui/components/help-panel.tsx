/** The field's help from the spec: the short sentence by default, the long text on `?`, cut to fit the screen. */
import { Box, Text } from 'ink';
import type { Help } from '../../spec/index.js';

/** Props of `HelpPanel`. */
export interface HelpPanelProps {
  /** The help texts, most relevant first. */
  helps: Help[];
  long: boolean;
  /** Columns available for the text. */
  width: number;
  /** Rows the long help may take, so that the step still fits the terminal. */
  maxLines: number;
}

/** Greedy word wrap; long words are cut. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
      while (line.length > width) {
        lines.push(line.slice(0, width));
        line = line.slice(width);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Short or long help. */
export function HelpPanel({ helps, long, width, maxLines }: HelpPanelProps) {
  if (!long) {
    return (
      <Box flexDirection="column">
        {helps.map((help) => (
          <Text key={help.label}>{help.short}</Text>
        ))}
      </Box>
    );
  }
  const lines = helps.flatMap((help) => [`\u0000${help.label}`, ...wrapWords(help.long, Math.max(20, width - 4))]);
  const shown = lines.length > maxLines ? [...lines.slice(0, Math.max(1, maxLines - 1)), '… (more in a taller terminal)'] : lines;
  return (
    <Box flexDirection="column" borderStyle="round" borderDimColor paddingX={1}>
      {shown.map((line, index) =>
        line.startsWith('\u0000') ? (
          <Text key={index} bold>
            {line.slice(1)}
          </Text>
        ) : (
          <Text key={index} dimColor={line.startsWith('…')}>
            {line === '' ? ' ' : line}
          </Text>
        ),
      )}
    </Box>
  );
}
