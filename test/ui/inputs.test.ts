import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { editText } from '../../src/ui/inputs/text-input/edit-text.js';
import { EXPIRY_TAG_KEY } from '../../src/request/expiry.js';
import { editingExpiry, tagsEditorReducer } from '../../src/ui/inputs/tags-editor/tags-editor-state.js';
import { readMetadata, writeMetadata } from '../../src/wizard-flow/metadata-document.js';
import { footerHints, matches } from '../../src/ui/keys.js';

const none: Key = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };
const key = (overrides: Partial<Key>): Key => ({ ...none, ...overrides });

describe('editText', () => {
  it('inserts at the cursor, deletes before it, moves, and leaves flow keys to the caller', () => {
    expect(editText({ value: 'ac', cursor: 1 }, 'b', none)).toEqual({ value: 'abc', cursor: 2 });
    expect(editText({ value: 'abc', cursor: 3 }, '', key({ delete: true }))).toEqual({ value: 'ab', cursor: 2 });
    expect(editText({ value: 'abc', cursor: 3 }, '', key({ leftArrow: true }))).toEqual({ value: 'abc', cursor: 2 });
    expect(editText({ value: 'abc', cursor: 1 }, 'u', key({ ctrl: true }))).toEqual({ value: 'bc', cursor: 0 });
    expect(editText({ value: 'ab cd  ', cursor: 7 }, 'w', key({ ctrl: true }))).toEqual({ value: 'ab ', cursor: 3 });
    expect(editText({ value: 'ab cd', cursor: 4 }, 'w', key({ ctrl: true }))).toEqual({ value: 'ab d', cursor: 3 });
    expect(editText({ value: 'a', cursor: 1 }, '\r', key({ return: true }))).toBeUndefined();
    expect(editText({ value: 'a', cursor: 1 }, '', key({ escape: true }))).toBeUndefined();
  });

  it('counts code points, and never types control characters', () => {
    expect(editText({ value: 'Ñandú', cursor: 5 }, '', key({ backspace: true }))).toEqual({ value: 'Ñand', cursor: 4 });
    expect(editText({ value: 'a', cursor: 1 }, '\x7f\r', none)).toEqual({ value: 'a', cursor: 1 });
    expect(editText({ value: '', cursor: 0 }, '{"a":\n1}', none, { multiline: true })).toEqual({ value: '{"a": 1}', cursor: 8 });
  });
});

describe('tags editor state', () => {
  it('adds a row and edits key then value, cancels an empty new row, removes', () => {
    let result = tagsEditorReducer({ cursor: 0, mode: { kind: 'list' } }, [], { type: 'add' });
    expect(result.tags).toEqual([{ Key: '', Value: '' }]);
    result = tagsEditorReducer(result.state, result.tags!, { type: 'type', draft: 'team' });
    // The draft is in the tags as it is typed: validation speaks of what is on screen.
    expect(result.tags).toEqual([{ Key: 'team', Value: '' }]);
    const afterKey = tagsEditorReducer(result.state, result.tags!, { type: 'commit' });
    expect(afterKey.tags).toEqual([{ Key: 'team', Value: '' }]);
    expect(afterKey.state.mode).toMatchObject({ kind: 'editing', column: 'Value' });
    const cancelled = tagsEditorReducer({ cursor: 0, mode: { kind: 'editing', column: 'Key', draft: 'x', original: '', isNew: true } }, [{ Key: 'x', Value: '' }], { type: 'cancel' });
    expect(cancelled.tags).toEqual([]);
    // Esc on an edited row puts its value back as it was.
    const edited = tagsEditorReducer({ cursor: 0, mode: { kind: 'list' } }, [{ Key: 'team', Value: 'a' }], { type: 'edit' });
    const typed = tagsEditorReducer(edited.state, [{ Key: 'team', Value: 'a' }], { type: 'type', draft: 'te' });
    expect(typed.tags).toEqual([{ Key: 'te', Value: 'a' }]);
    expect(tagsEditorReducer(typed.state, typed.tags!, { type: 'cancel' }).tags).toEqual([{ Key: 'team', Value: 'a' }]);
    const removed = tagsEditorReducer({ cursor: 1, mode: { kind: 'list' } }, [{ Key: 'a', Value: '' }, { Key: 'b', Value: '' }], { type: 'remove' });
    expect(removed.tags).toEqual([{ Key: 'a', Value: '' }]);
    expect(removed.state.cursor).toBe(0);
  });

  it('x edits the expiry tag (added when missing); a duration typed as its value becomes its end in UTC', () => {
    const now = new Date('2026-12-02T15:30:12.500Z');
    const team = { Key: 'team', Value: 'a' };
    let result = tagsEditorReducer({ cursor: 2, mode: { kind: 'list' } }, [team], { type: 'expire' });
    expect(result.tags).toEqual([team, { Key: EXPIRY_TAG_KEY, Value: '' }]);
    expect(result.state).toEqual({ cursor: 1, mode: { kind: 'editing', column: 'Value', draft: '', original: '', isNew: true } });
    expect(editingExpiry(result.state, result.tags!)).toBe(true);
    result = tagsEditorReducer(result.state, result.tags!, { type: 'type', draft: '4h' });
    const committed = tagsEditorReducer(result.state, result.tags!, { type: 'commit', now });
    expect(committed.tags).toEqual([team, { Key: EXPIRY_TAG_KEY, Value: '2026-12-02T19:30:12Z' }]);
    expect(committed.state.mode).toEqual({ kind: 'list' });

    // Again: the row is found and edited; a time typed as such is kept; Esc on a new empty one removes it.
    const again = tagsEditorReducer(committed.state, committed.tags!, { type: 'expire' });
    expect(again.state).toMatchObject({ cursor: 1, mode: { column: 'Value', draft: '2026-12-02T19:30:12Z' } });
    const typed = tagsEditorReducer(again.state, committed.tags!, { type: 'type', draft: '2027-01-01T00:00:00Z' });
    expect(tagsEditorReducer(typed.state, typed.tags!, { type: 'commit', now }).tags![1]).toEqual({ Key: EXPIRY_TAG_KEY, Value: '2027-01-01T00:00:00Z' });
    const fresh = tagsEditorReducer({ cursor: 0, mode: { kind: 'list' } }, [], { type: 'expire' });
    expect(tagsEditorReducer(fresh.state, fresh.tags!, { type: 'cancel' }).tags).toEqual([]);
    // Another tag's value is kept as typed, durations included.
    const other = tagsEditorReducer({ cursor: 0, mode: { kind: 'editing', column: 'Value', draft: '4h', original: '', isNew: false } }, [{ Key: 'ttl', Value: '4h' }], { type: 'commit', now });
    expect(other.tags).toEqual([{ Key: 'ttl', Value: '4h' }]);
  });
});

describe('SMART metadata document', () => {
  it('always writes S256 and keeps unknown members of a pasted document', () => {
    const document = readMetadata('{"issuer":"https://x","code_challenge_methods_supported":["plain"]}')!;
    expect(JSON.parse(writeMetadata(document))).toMatchObject({ issuer: 'https://x', code_challenge_methods_supported: ['S256', 'plain'] });
    expect(readMetadata('{not json')).toBeUndefined();
  });
});

describe('key bindings', () => {
  it('generates the footer from the table the handlers use', () => {
    expect(footerHints(['next', 'back', 'help'])).toBe('Enter next · Esc back · ? help');
    expect(matches('next', '\r', key({ return: true }))).toBe(true);
    expect(matches('quit', 'c', key({ ctrl: true }))).toBe(true);
    expect(matches('submit', 'c', key({ ctrl: true }))).toBe(false);
  });
});

describe('splitChunk', () => {
  const keysOf = async (chunk: string) => {
    const { splitChunk } = await import('../../src/ui/use-keys.js');
    return splitChunk(chunk, none)?.map(({ input, key }) => {
      const named = (['return', 'tab', 'backspace', 'delete', 'ctrl'] as const).filter((name) => key[name]);
      return named.length > 0 ? `${named.join('+')}${input && input !== '\r' ? `:${input}` : ''}` : input;
    });
  };
  it('splits text and Enter that arrive in one chunk, and leaves single keys alone', async () => {
    expect(await keysOf('data\r')).toEqual(['data', 'return']);
    expect(await keysOf('a\rb')).toEqual(['a', 'return', 'b']);
    expect(await keysOf('\r')).toBeUndefined();
    expect(await keysOf('abc')).toBeUndefined();
    // Typed ahead before raw mode (the terminal turned each Enter into LF), and a Windows paste.
    expect(await keysOf('early\n\n')).toEqual(['early', 'return', 'return']);
    expect(await keysOf('\n')).toEqual(['return']);
    expect(await keysOf('a\r\nb\r\n')).toEqual(['a', 'return', 'b', 'return']);
  });
  it('makes every key of a chunk count, in order: Backspaces, Ctrl+letters, Tab', async () => {
    expect(await keysOf('\x7f\x7f')).toEqual(['delete', 'delete']);
    expect(await keysOf('\b\b')).toEqual(['backspace', 'backspace']);
    expect(await keysOf('\x05\x15')).toEqual(['ctrl:e', 'ctrl:u']);
    expect(await keysOf('ab\x7fc\x17')).toEqual(['ab', 'delete', 'c', 'ctrl:w']);
    expect(await keysOf('\t\t')).toEqual(['tab', 'tab']);
  });
});
