/** A list of choices with a highlight and, for multi-select, check boxes; scrolls within `height` rows. */
import { Box, Text } from 'ink';
import { ACCENT } from '../../theme.js';
import { wrapWords } from '../../../wizard-flow/wrap-words.js';
import { useTerminalSize } from '../../use-terminal-size.js';

/** One row of a choice list. */
export interface ChoiceRow {
  label: string;
  /** One line on what it means. */
  meaning?: string;
  /** For multi-select lists: whether it is checked. */
  checked?: boolean;
  /** Cannot be unchecked (e.g. S256). */
  locked?: boolean;
}

/** Props of `ChoiceList`. */
export interface ChoiceListProps {
  rows: ChoiceRow[];
  highlighted: number;
  /** At most this many rows are shown; the window follows the highlight. */
  height?: number;
  /** Dim the highlight when the list does not have the keys. */
  isActive?: boolean;
}

/** Renders the rows; keys are wired by `useChoice`. */
export function ChoiceList({ rows, highlighted, height = rows.length, isActive = true }: ChoiceListProps) {
  const top = Math.min(Math.max(0, highlighted - height + 1), Math.max(0, rows.length - height));
  const shown = rows.slice(top, top + height);
  // Labels padded to one width, so that the meanings form a column.
  const labelWidth = Math.max(...rows.map((row) => row.label.length));
  const { columns } = useTerminalSize();
  return (
    <Box flexDirection="column">
      {top > 0 ? <Text dimColor>  ↑ {top} more</Text> : null}
      {shown.map((row, offset) => {
        const index = top + offset;
        const current = index === highlighted;
        const box = row.checked === undefined ? '' : row.checked ? (row.locked ? '[x]* ' : '[x] ') : '[ ] ';
        // Other rows' meanings are cut to one line; the highlighted row's is shown whole, wrapped between words
        // in its column.
        const indent = 2 + box.length + labelWidth + 2;
        const meaning = row.meaning && current ? wrapWords(row.meaning, Math.max(20, columns - indent - 1)) : [row.meaning ?? ''];
        return (
          <Box key={`${index}-${row.label}`} flexDirection="column">
            <Text wrap="truncate-end">
              <Text color={current && isActive ? ACCENT : undefined} bold={current}>
                {current ? '› ' : '  '}
                {box}
                {row.meaning ? row.label.padEnd(labelWidth) : row.label}
              </Text>
              {row.meaning ? <Text dimColor>  {meaning[0]}</Text> : null}
            </Text>
            {meaning.slice(1).map((line, at) => (
              <Text key={at} dimColor>
                {' '.repeat(indent)}
                {line}
              </Text>
            ))}
          </Box>
        );
      })}
      {top + height < rows.length ? <Text dimColor>  ↓ {rows.length - top - height} more</Text> : null}
    </Box>
  );
}
