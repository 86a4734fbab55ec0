/**
 * A filterable list (a picker): the filter line, the rows that match it, and a line on what is loading or why
 * nothing is listed. Renders only; keys are wired by `usePicker`, the state kept by `usePickerState`.
 */
import { Box, Text } from 'ink';
import { ChoiceList } from '../choice/choice-list.js';
import { TextWithCursor } from '../text-input/text-input.js';
import type { PickerItem, PickerState } from './use-picker-state.js';

/** Props of `Picker`. */
export interface PickerProps<Value> {
  state: PickerState;
  /** The rows that match the filter (`filterItems`). */
  matching: readonly PickerItem<Value>[];
  /** How many rows there are in all, matching or not. */
  total: number;
  /** A dim line under the rows: what is still loading, or why the list is incomplete. */
  note?: string | undefined;
  /** What the filter line says while it is empty, e.g. "type to filter, or paste an ARN". */
  placeholder?: string | undefined;
  /** When no row matches: what Enter does with the typed text (e.g. "Enter uses the typed ARN"). */
  noMatch?: string | undefined;
  /** At most this many rows are shown; the window follows the highlight. */
  height?: number;
  /** Nothing could be listed: the picker is a text box for the value itself (no filter label, no rows). */
  textOnly?: boolean;
  isActive: boolean;
}

/** The filter, the matching rows and the note. */
export function Picker<Value>({ state, matching, total, note, placeholder, noMatch, height = 8, textOnly = false, isActive }: PickerProps<Value>) {
  const filtered = state.filter.value !== '' && !textOnly;
  return (
    <Box flexDirection="column">
      <Text>
        {textOnly ? null : <Text dimColor>Filter: </Text>}
        <TextWithCursor value={state.filter.value} cursor={state.filter.cursor} isActive={isActive} placeholder={placeholder ?? 'type to filter'} />
        {filtered ? <Text dimColor>{`  ${matching.length} of ${total}`}</Text> : null}
      </Text>
      {matching.length > 0 ? (
        <ChoiceList
          rows={matching.map((item) => ({ label: item.label, ...(item.meaning ? { meaning: item.meaning } : {}) }))}
          highlighted={Math.min(state.highlighted, matching.length - 1)}
          height={height}
          isActive={isActive}
        />
      ) : filtered ? (
        <Text dimColor>  {`Nothing matches "${state.filter.value}".`}{noMatch ? ` ${noMatch}` : ''}</Text>
      ) : null}
      {note ? <Text dimColor wrap="wrap">{note}</Text> : null}
    </Box>
  );
}
