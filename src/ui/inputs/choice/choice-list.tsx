/** A list of choices with a highlight and, for multi-select, check boxes; scrolls within `height` rows. */
import { Box, Text } from 'ink';
import { ACCENT } from '../../theme.js';

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
  return (
    <Box flexDirection="column">
      {top > 0 ? <Text dimColor>  ↑ {top} more</Text> : null}
      {shown.map((row, offset) => {
        const index = top + offset;
        const current = index === highlighted;
        const box = row.checked === undefined ? '' : row.checked ? (row.locked ? '[x]* ' : '[x] ') : '[ ] ';
        // Other rows' meanings are cut to one line; the highlighted row's is shown whole, wrapped between words.
        return (
          <Text key={`${index}-${row.label}`} wrap={current ? 'wrap' : 'truncate-end'}>
            <Text color={current && isActive ? ACCENT : undefined} bold={current}>
              {current ? '› ' : '  '}
              {box}
              {row.meaning ? row.label.padEnd(labelWidth) : row.label}
            </Text>
            {row.meaning ? <Text dimColor>  {row.meaning}</Text> : null}
          </Text>
        );
      })}
      {top + height < rows.length ? <Text dimColor>  ↓ {rows.length - top - height} more</Text> : null}
    </Box>
  );
}
