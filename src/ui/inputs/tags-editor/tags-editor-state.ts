/**
 * The tag editor's state as a pure reducer: a cursor over the rows (+ "add" and "done") and a cell being edited.
 * The expiry tag (`cleanup` reads it) has a shortcut, and its value may be typed as a duration (`4h`, `2d`): on
 * Enter it becomes the time it ends, as `--expires-in` writes it.
 */
import { EXPIRY_TAG_KEY, expiryTimestamp, parseDuration } from '../../../request/expiry.js';
import type { Tag } from '../../../request/types.js';

/** What the editor is doing. */
export type TagsEditorMode =
  | { kind: 'list' }
  | {
      kind: 'editing';
      column: 'Key' | 'Value';
      draft: string;
      /** The cell's value before this edit, restored by Esc. */
      original: string;
      isNew: boolean;
    };

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
  /** Edit the expiry tag's value, adding the tag when there is none. */
  | { type: 'expire' }
  | { type: 'edit' }
  | { type: 'type'; draft: string }
  /** `now`: the time a duration typed as the expiry tag's value counts from. */
  | { type: 'commit'; now?: Date }
  | { type: 'cancel' }
  | { type: 'remove' };

/**
 * The result of a command: the new local state and, when they changed, the new tags. A draft is written to the
 * tags as it is typed, so that validation (and every error shown) is about what is on screen, not the last
 * committed value; Esc puts the original back.
 */
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
        state: { cursor: tags.length, mode: { kind: 'editing', column: 'Key', draft: '', original: '', isNew: true } },
        tags: [...tags, { Key: '', Value: '' }],
      };
    case 'expire': {
      if (state.mode.kind !== 'list') return { state };
      const at = tags.findIndex((tag) => tag.Key === EXPIRY_TAG_KEY);
      if (at >= 0) return { state: { cursor: at, mode: { kind: 'editing', column: 'Value', draft: tags[at]!.Value, original: tags[at]!.Value, isNew: false } } };
      return {
        state: { cursor: tags.length, mode: { kind: 'editing', column: 'Value', draft: '', original: '', isNew: true } },
        tags: [...tags, { Key: EXPIRY_TAG_KEY, Value: '' }],
      };
    }
    case 'edit': {
      const tag = tags[state.cursor];
      if (!tag) return { state };
      return { state: { ...state, mode: { kind: 'editing', column: 'Key', draft: tag.Key, original: tag.Key, isNew: false } } };
    }
    case 'type': {
      const mode = state.mode;
      if (mode.kind !== 'editing') return { state };
      return { state: { ...state, mode: { ...mode, draft: command.draft } }, tags: withCell(tags, state.cursor, mode.column, command.draft) };
    }
    case 'commit': {
      const mode = state.mode;
      if (mode.kind !== 'editing') return { state };
      const updated = withCell(tags, state.cursor, mode.column, expiryValue(tags[state.cursor], mode, command.now));
      const current = updated[state.cursor]!;
      if (mode.column === 'Key') {
        return { state: { ...state, mode: { kind: 'editing', column: 'Value', draft: current.Value, original: current.Value, isNew: mode.isNew } }, tags: updated };
      }
      return { state: { cursor: state.cursor, mode: { kind: 'list' } }, tags: updated };
    }
    case 'cancel': {
      const mode = state.mode;
      if (mode.kind !== 'editing') return { state };
      // Cancelling a row that was just added (by `a`, or by `x` with the expiry key) removes it; otherwise the row
      // keeps its last committed values.
      const restored = withCell(tags, state.cursor, mode.column, mode.original);
      const row = restored[state.cursor];
      if (mode.isNew && row && (row.Key === '' || row.Key === EXPIRY_TAG_KEY) && row.Value === '') {
        return { state: { cursor: Math.max(0, state.cursor), mode: { kind: 'list' } }, tags: restored.filter((_, index) => index !== state.cursor) };
      }
      return { state: { ...state, mode: { kind: 'list' } }, tags: restored };
    }
    case 'remove': {
      if (state.mode.kind !== 'list' || state.cursor >= tags.length) return { state };
      return { state: { ...state, cursor: Math.min(state.cursor, Math.max(0, tags.length - 2)) }, tags: tags.filter((_, index) => index !== state.cursor) };
    }
  }
}

/** The text a cell keeps on Enter: the draft, or for the expiry tag's value a duration turned into its end. */
function expiryValue(tag: Tag | undefined, mode: Extract<TagsEditorMode, { kind: 'editing' }>, now = new Date()): string {
  if (mode.column !== 'Value' || tag?.Key !== EXPIRY_TAG_KEY) return mode.draft;
  const ms = parseDuration(mode.draft);
  return typeof ms === 'number' ? expiryTimestamp(now, ms) : mode.draft;
}

/** Whether the cell being edited is the expiry tag's value (its hint says a duration may be typed). */
export function editingExpiry(state: TagsEditorState, tags: readonly Tag[]): boolean {
  return state.mode.kind === 'editing' && state.mode.column === 'Value' && tags[state.cursor]?.Key === EXPIRY_TAG_KEY;
}

/** The tags with one cell replaced. */
function withCell(tags: readonly Tag[], row: number, column: 'Key' | 'Value', text: string): Tag[] {
  return tags.map((tag, index) => (index === row ? { ...tag, [column]: text } : tag));
}
