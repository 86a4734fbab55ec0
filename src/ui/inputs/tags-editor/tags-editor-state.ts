/** The tag editor's state as a pure reducer: a cursor over the rows (+ "add" and "done") and a cell being edited. */
import type { Tag } from '../../../request/types.js';

/** What the editor is doing. */
export type TagsEditorMode = { kind: 'list' } | { kind: 'editing'; column: 'Key' | 'Value'; draft: string; isNew: boolean };

/** The editor's local state; the tags themselves are the caller's answer. */
export interface TagsEditorState {
  /** Index into rows, then `rows.length` = "Add a tag", `rows.length + 1` = "Done". */
  cursor: number;
  mode: TagsEditorMode;
}

/** Commands of the tag editor. */
export type TagsEditorCommand =
  | { type: 'move'; by: number }
  | { type: 'add' }
  | { type: 'edit' }
  | { type: 'type'; draft: string }
  | { type: 'commit' }
  | { type: 'cancel' }
  | { type: 'remove' };

/** The result of a command: the new local state and, when they changed, the new tags. */
export interface TagsEditorResult {
  state: TagsEditorState;
  tags?: Tag[];
}

/** Applies a command to the editor over `tags`. */
export function tagsEditorReducer(state: TagsEditorState, tags: readonly Tag[], command: TagsEditorCommand): TagsEditorResult {
  const entries = tags.length + 2;
  switch (command.type) {
    case 'move':
      return state.mode.kind === 'list' ? { state: { ...state, cursor: (state.cursor + command.by + entries) % entries } } : { state };
    case 'add':
      return {
        state: { cursor: tags.length, mode: { kind: 'editing', column: 'Key', draft: '', isNew: true } },
        tags: [...tags, { Key: '', Value: '' }],
      };
    case 'edit': {
      const tag = tags[state.cursor];
      if (!tag) return { state };
      return { state: { ...state, mode: { kind: 'editing', column: 'Key', draft: tag.Key, isNew: false } } };
    }
    case 'type':
      return state.mode.kind === 'editing' ? { state: { ...state, mode: { ...state.mode, draft: command.draft } } } : { state };
    case 'commit': {
      const mode = state.mode;
      if (mode.kind !== 'editing') return { state };
      const updated = tags.map((tag, index) => (index === state.cursor ? { ...tag, [mode.column]: mode.draft } : tag));
      const current = updated[state.cursor]!;
      if (mode.column === 'Key') {
        return { state: { ...state, mode: { kind: 'editing', column: 'Value', draft: current.Value, isNew: mode.isNew } }, tags: updated };
      }
      return { state: { cursor: state.cursor, mode: { kind: 'list' } }, tags: updated };
    }
    case 'cancel': {
      if (state.mode.kind !== 'editing') return { state };
      // Cancelling a row that was just added removes it; otherwise the row keeps its last committed values.
      const row = tags[state.cursor];
      if (state.mode.isNew && row && row.Key === '' && row.Value === '') {
        return { state: { cursor: Math.max(0, state.cursor), mode: { kind: 'list' } }, tags: tags.filter((_, index) => index !== state.cursor) };
      }
      return { state: { ...state, mode: { kind: 'list' } } };
    }
    case 'remove': {
      if (state.mode.kind !== 'list' || state.cursor >= tags.length) return { state };
      return { state: { ...state, cursor: Math.min(state.cursor, Math.max(0, tags.length - 2)) }, tags: tags.filter((_, index) => index !== state.cursor) };
    }
  }
}
