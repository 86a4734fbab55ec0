/** The tag editor: a list of tags with add, edit and remove; problems (duplicate keys, bad characters) per row. */
import { Box, Text} from 'ink';
import { useState } from 'react';
import type { Tag } from '../../../request/types.js';
import { ACCENT } from '../../theme.js';
import { MARK } from '../../../wizard-flow/marks.js';
import type { PromptInputProps } from '../prompt-input-props.js';
import { TextInput } from '../text-input/text-input.js';
import { editingExpiry, tagsEditorReducer, type TagsEditorCommand, type TagsEditorState } from './tags-editor-state.js';
import { useCommands } from '../../use-commands.js';

/** Rows shown at once, so the screen fits 24 lines. */
const WINDOW = 6;

/** The input for the tag list. */
export function TagsEditor({ value, issues, onAnswer, onNext, onBack, isActive, frame }: PromptInputProps) {
  const tags: Tag[] = Array.isArray(value) ? value : [];
  // The cursor starts on "Done": Enter accepts the tags as they are (none by default); `a` adds one.
  const [state, setState] = useState<TagsEditorState>({ cursor: tags.length + 1, mode: { kind: 'list' } });
  const apply = (command: TagsEditorCommand) => {
    const result = tagsEditorReducer(state, tags, command);
    setState(result.state);
    if (result.tags) onAnswer(result.tags.length === 0 ? undefined : result.tags);
  };
  const editing = state.mode.kind === 'editing' ? state.mode : undefined;

  // Enter says what it does on the row: edit a tag, add one, or go on.
  const enter = state.cursor < tags.length ? 'editRow' : state.cursor === tags.length ? 'addRow' : 'done';
  const commands = useCommands(
    editing
      ? { keep: () => apply({ type: 'commit', now: new Date() }), discard: () => apply({ type: 'cancel' }) }
      : {
          [enter]: () => (enter === 'editRow' ? apply({ type: 'edit' }) : enter === 'addRow' ? apply({ type: 'add' }) : onNext()),
          add: () => apply({ type: 'add' }),
          expire: () => apply({ type: 'expire' }),
          remove: state.cursor < tags.length && (() => apply({ type: 'remove' })),
          up: () => apply({ type: 'move', by: -1 }),
          down: () => apply({ type: 'move', by: 1 }),
          back: onBack,
        },
    { isActive },
  );

  // Every error of a row (its key and its value), each on a line of its own under the row.
  const problemsOf = (index: number) => issues.filter((issue) => issue.field.startsWith(`Tags[${index}]`) && issue.severity === 'error');
  const top = Math.min(Math.max(0, state.cursor - WINDOW + 1), Math.max(0, tags.length - WINDOW));
  return frame(
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
      {editing ? (
        <Text dimColor>
          {editingExpiry(state, tags) ? 'Expires at: type a duration (30m, 4h, 2d, 1w) for its end in UTC, or the time' : `Editing the ${editing.column === 'Key' ? 'key' : 'value'}`}
        </Text>
      ) : null}
    </Box>,
    commands,
  );
}
