/** The tag editor: a list of tags with add, edit and remove; problems (duplicate keys, bad characters) per row. */
import { Box, Text} from 'ink';
import { useState } from 'react';
import type { Tag } from '../../../request/types.js';
import { footerHints, matches } from '../../keys.js';
import { ACCENT, MARK } from '../../theme.js';
import type { PromptInputProps } from '../prompt-input-props.js';
import { TextInput } from '../text-input/text-input.js';
import { editingExpiry, tagsEditorReducer, type TagsEditorCommand, type TagsEditorState } from './tags-editor-state.js';
import { useKeys } from '../../use-keys.js';

/** Rows shown at once, so the screen fits 24 lines. */
const WINDOW = 6;

/** The input for the tag list. */
export function TagsEditor({ value, issues, onAnswer, onNext, onBack, isActive }: PromptInputProps) {
  const tags: Tag[] = Array.isArray(value) ? value : [];
  // The cursor starts on "Done": Enter accepts the tags as they are (none by default); `a` adds one.
  const [state, setState] = useState<TagsEditorState>({ cursor: tags.length + 1, mode: { kind: 'list' } });
  const apply = (command: TagsEditorCommand) => {
    const result = tagsEditorReducer(state, tags, command);
    setState(result.state);
    if (result.tags) onAnswer(result.tags.length === 0 ? undefined : result.tags);
  };
  const editing = state.mode.kind === 'editing' ? state.mode : undefined;

  useKeys(
    (input, key) => {
      if (editing) {
        if (matches('next', input, key)) apply({ type: 'commit', now: new Date() });
        else if (matches('back', input, key)) apply({ type: 'cancel' });
        return;
      }
      if (matches('up', input, key)) apply({ type: 'move', by: -1 });
      else if (matches('down', input, key)) apply({ type: 'move', by: 1 });
      else if (matches('add', input, key)) apply({ type: 'add' });
      else if (matches('expire', input, key)) apply({ type: 'expire' });
      else if (matches('remove', input, key)) apply({ type: 'remove' });
      else if (matches('back', input, key)) onBack();
      else if (matches('select', input, key)) {
        if (state.cursor < tags.length) apply({ type: 'edit' });
        else if (state.cursor === tags.length) apply({ type: 'add' });
        else onNext();
      }
    },
    { isActive },
  );

  // Every error of a row (its key and its value), each on a line of its own under the row.
  const problemsOf = (index: number) => issues.filter((issue) => issue.field.startsWith(`Tags[${index}]`) && issue.severity === 'error');
  const top = Math.min(Math.max(0, state.cursor - WINDOW + 1), Math.max(0, tags.length - WINDOW));
  return (
    <Box flexDirection="column">
      {tags.length === 0 ? <Text dimColor>  No tags yet.</Text> : null}
      {top > 0 ? <Text dimColor>  ↑ {top} more</Text> : null}
      {tags.slice(top, top + WINDOW).map((tag, offset) => {
        const index = top + offset;
        const current = index === state.cursor;
        const cell = (column: 'Key' | 'Value') =>
          current && editing?.column === column ? (
            <TextInput value={editing.draft} onChange={(draft) => apply({ type: 'type', draft })} isActive={isActive} />
          ) : (
            <Text>{tag[column] === '' ? <Text dimColor>(empty)</Text> : tag[column]}</Text>
          );
        // One text per row, so that a long tag wraps between words instead of squeezing a cell.
        return (
          <Box key={index} flexDirection="column">
            <Text>
              <Text color={current ? ACCENT : undefined}>{current ? '› ' : '  '}</Text>
              {cell('Key')}
              <Text dimColor> = </Text>
              {cell('Value')}
            </Text>
            {problemsOf(index).map((problem, at) => (
              <Box key={at} paddingLeft={4}>
                <Text color="red">
                  {MARK.error} {problem.rule === 'duplicate' ? 'duplicate key' : problem.message}
                </Text>
              </Box>
            ))}
          </Box>
        );
      })}
      {top + WINDOW < tags.length ? <Text dimColor>  ↓ {tags.length - top - WINDOW} more</Text> : null}
      <Text color={state.cursor === tags.length ? ACCENT : undefined}>{state.cursor === tags.length ? '› ' : '  '}+ Add a tag</Text>
      <Text color={state.cursor === tags.length + 1 ? ACCENT : undefined}>{state.cursor === tags.length + 1 ? '› ' : '  '}Done — continue</Text>
      <Text dimColor>
        {editing
          ? editingExpiry(state, tags)
            ? 'Expires at: type a duration (30m, 4h, 2d, 1w) for its end in UTC, or the time; Enter to keep it, Esc to cancel'
            : `Editing the ${editing.column === 'Key' ? 'key' : 'value'}: Enter to keep it, Esc to cancel`
          : footerHints([state.cursor < tags.length ? 'editRow' : state.cursor === tags.length ? 'addRow' : 'done', 'add', 'expire', 'remove', 'choose'])}
      </Text>
    </Box>
  );
}
