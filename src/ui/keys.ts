/**
 * The one key-binding table: command -> keys -> label. Screens ask `matches(command, input, key)` and the
 * footer is generated from the same table, so hints never drift from the real bindings.
 */
import type { Key } from 'ink';

/** A key as Ink reports it: a character or a named key, optionally with Ctrl. */
interface Binding {
  /** A printable character, e.g. `?`. */
  char?: string;
  /** A named key from Ink's `Key`. */
  named?: 'return' | 'escape' | 'tab' | 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'backspace' | 'delete' | 'pageUp' | 'pageDown';
  ctrl?: boolean;
}

interface CommandSpec {
  bindings: Binding[];
  /** How the key is written in the footer. */
  shown: string;
  /** What it does, in a word or two. */
  label: string;
}

const TABLE = {
  next: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'next' },
  back: { bindings: [{ named: 'escape' }], shown: 'Esc', label: 'back' },
  help: { bindings: [{ char: '?' }], shown: '?', label: 'help' },
  helpUp: { bindings: [{ named: 'pageUp' }], shown: '', label: '' },
  helpDown: { bindings: [{ named: 'pageDown' }], shown: 'PgUp/PgDn', label: 'scroll' },
  skip: { bindings: [{ named: 'tab' }], shown: 'Tab', label: 'skip step' },
  up: { bindings: [{ named: 'upArrow' }, { char: 'k' }], shown: '↑', label: 'up' },
  down: { bindings: [{ named: 'downArrow' }, { char: 'j' }], shown: '↓', label: 'down' },
  choose: { bindings: [{ named: 'upArrow' }, { named: 'downArrow' }], shown: '↑↓', label: 'choose' },
  /** A filterable list: letters type into the filter, so only the arrows move (not k and j). */
  arrowUp: { bindings: [{ named: 'upArrow' }], shown: '', label: '' },
  arrowDown: { bindings: [{ named: 'downArrow' }], shown: '', label: '' },
  /** A filterable list: printable keys edit the filter (handled by the text editing, hence no binding here). */
  filter: { bindings: [], shown: 'type', label: 'filter' },
  /** A filterable list: Esc empties the filter first, then goes back. */
  clearFilter: { bindings: [{ named: 'escape' }], shown: 'Esc', label: 'clear/back' },
  toggle: { bindings: [{ char: ' ' }], shown: 'Space', label: 'toggle' },
  select: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'select' },
  previousTab: { bindings: [{ named: 'leftArrow' }], shown: '←', label: '' },
  nextTab: { bindings: [{ named: 'rightArrow' }], shown: '←→', label: 'tabs' },
  edit: { bindings: [{ char: 'e' }], shown: 'e', label: 'edit' },
  /** Review: Enter on a row edits it; Enter on the primary action runs it (create, or print with --dry-run). */
  editRow: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'edit' },
  create: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'create' },
  /** Tags editor: Enter on "+ Add a tag" adds one. */
  addRow: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'add' },
  /** Tags editor: Enter on "Done" goes on to the next step. */
  done: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'continue' },
  printRequest: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'print request' },
  /** The primary action from any row (kept for people used to it; the footer shows Enter). */
  submit: { bindings: [{ char: 'c' }], shown: 'c', label: 'create' },
  viewWhole: { bindings: [{ char: 'v' }], shown: 'v', label: 'view whole' },
  savePreset: { bindings: [{ char: 's' }], shown: 's', label: 'save' },
  writeFile: { bindings: [{ char: 'w' }], shown: 'w', label: 'write' },
  confirm: { bindings: [{ char: 'y' }], shown: 'y', label: 'yes' },
  cancel: { bindings: [{ char: 'n' }, { named: 'escape' }], shown: 'n/Esc', label: 'no' },
  add: { bindings: [{ char: 'a' }], shown: 'a', label: 'add' },
  /** Tags editor: add (or edit) the expiry tag that `cleanup` reads. */
  expire: { bindings: [{ char: 'x' }], shown: 'x', label: 'expires in…' },
  remove: { bindings: [{ char: 'd' }, { named: 'delete' }], shown: 'd', label: 'delete' },
  rawJson: { bindings: [{ char: 'r' }], shown: 'r', label: 'paste raw JSON' },
  builder: { bindings: [{ ctrl: true, char: 'b' }], shown: 'Ctrl+B', label: 'back to builder' },
  resume: { bindings: [{ char: 'r' }], shown: 'r', label: 'resume' },
  exit: { bindings: [{ named: 'return' }, { char: 'q' }, { named: 'escape' }], shown: 'Enter/q', label: 'exit' },
  /** Before anything is sent: open the target picker (profile, Region, sandbox) from any screen. */
  changeTarget: { bindings: [{ ctrl: true, char: 't' }], shown: 'Ctrl+T', label: 'target' },
  quit: { bindings: [{ ctrl: true, char: 'c' }], shown: 'Ctrl+C', label: 'quit' },
} satisfies Record<string, CommandSpec>;

/** A command of the table. */
export type Command = keyof typeof TABLE;

function matchesBinding(binding: Binding, input: string, key: Key): boolean {
  if (Boolean(binding.ctrl) !== key.ctrl) return false;
  if (binding.named) {
    // Many terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
    if (binding.named === 'backspace') return key.backspace || key.delete;
    return key[binding.named];
  }
  return input === binding.char && !key.meta;
}

/** Whether a keypress triggers the command. */
export function matches(command: Command, input: string, key: Key): boolean {
  return (TABLE[command].bindings as Binding[]).some((binding) => matchesBinding(binding, input, key));
}

/** How a command's key is written, e.g. `Ctrl+T`, for a sentence that names it. */
export function keyName(command: Command): string {
  return TABLE[command].shown;
}

/** The footer line for these commands, e.g. `Enter next · Esc back · ? help`. */
export function footerHints(commands: readonly Command[]): string {
  return commands
    .map((command) => [TABLE[command].shown, TABLE[command].label].filter(Boolean).join(' '))
    .join(' · ');
}
