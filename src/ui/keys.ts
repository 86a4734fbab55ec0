/**
 * The one key-binding table: command -> keys -> label. Screens register the commands they handle
 * (`useCommands`, which asks `matches(command, input, key)`) and their footer is generated from that
 * registration with this table, so hints never drift from the real bindings.
 */
import type { Key } from 'ink';

/** A key as Ink reports it: a character or a named key, optionally with Ctrl. */
export interface Binding {
  /** A printable character, e.g. `?`. */
  char?: string;
  /** A named key from Ink's `Key`. */
  named?: 'return' | 'escape' | 'tab' | 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'backspace' | 'delete' | 'pageUp' | 'pageDown';
  ctrl?: boolean;
}

interface CommandSpec {
  bindings: Binding[];
  /** How the key is written in the footer; empty for the half of a pair the other half shows (↑ in `↑↓`). */
  shown: string;
  /** What it does, in a word or two. */
  label: string;
  /** The command whose hint also shows this one (`shown` empty). */
  shownWith?: string;
}

const TABLE = {
  next: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'next' },
  back: { bindings: [{ named: 'escape' }], shown: 'Esc', label: 'back' },
  help: { bindings: [{ char: '?' }], shown: '?', label: 'help' },
  helpUp: { bindings: [{ named: 'pageUp' }], shown: '', label: '', shownWith: 'helpDown' },
  helpDown: { bindings: [{ named: 'pageDown' }], shown: 'PgUp/PgDn', label: 'scroll' },
  skip: { bindings: [{ named: 'tab' }], shown: 'Tab', label: 'skip step' },
  /** ↑ and ↓ (k and j as in vi) move a highlight; the footer shows the pair once. */
  up: { bindings: [{ named: 'upArrow' }, { char: 'k' }], shown: '', label: '', shownWith: 'down' },
  down: { bindings: [{ named: 'downArrow' }, { char: 'j' }], shown: '↑↓', label: 'choose' },
  /** A text longer than its pane (a preview, a value viewed whole): the same keys scroll it a line. */
  scrollUp: { bindings: [{ named: 'upArrow' }, { char: 'k' }], shown: '', label: '', shownWith: 'scrollDown' },
  scrollDown: { bindings: [{ named: 'downArrow' }, { char: 'j' }], shown: '↑↓', label: 'scroll' },
  /** A list filtered by typing (the target picker's Regions): the arrows only, as j and k are letters of the filter. */
  arrowUp: { bindings: [{ named: 'upArrow' }], shown: '', label: '', shownWith: 'arrowDown' },
  arrowDown: { bindings: [{ named: 'downArrow' }], shown: '↑↓', label: 'choose' },
  /** A list filtered by typing: Esc empties the filter (when it is empty, Esc is `back`). */
  clearFilter: { bindings: [{ named: 'escape' }], shown: 'Esc', label: 'clear filter' },
  toggle: { bindings: [{ char: ' ' }], shown: 'Space', label: 'toggle' },
  select: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'select' },
  previousTab: { bindings: [{ named: 'leftArrow' }], shown: '', label: '', shownWith: 'nextTab' },
  nextTab: { bindings: [{ named: 'rightArrow' }], shown: '←→', label: 'tabs' },
  /** Review: Enter on a row edits it; Enter on the primary action runs it (create, or print with --dry-run). */
  editRow: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'edit' },
  create: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'create' },
  /** Tags editor: Enter on "+ Add a tag" adds one. */
  addRow: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'add' },
  /** Tags editor, a cell being edited: Enter keeps the text, Esc puts the old one back. */
  keep: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'keep' },
  discard: { bindings: [{ named: 'escape' }], shown: 'Esc', label: 'cancel' },
  /** Tags editor: Enter on "Done" goes on to the next step. */
  done: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'continue' },
  printRequest: { bindings: [{ named: 'return' }], shown: 'Enter', label: 'print request' },
  /** Review: create from anywhere, a row too (where Enter edits it). */
  submit: { bindings: [{ char: 'c' }], shown: 'c', label: 'create' },
  /** Review with --dry-run: the same key prints the request. */
  submitDryRun: { bindings: [{ char: 'c' }], shown: 'c', label: 'print' },
  /** The same `c` where Enter already runs the primary action: Enter's hint tells it, so 80 columns hold the rest. */
  alsoCreate: { bindings: [{ char: 'c' }], shown: '', label: '', shownWith: 'create' },
  alsoPrint: { bindings: [{ char: 'c' }], shown: '', label: '', shownWith: 'printRequest' },
  viewWhole: { bindings: [{ char: 'v' }], shown: 'v', label: 'view whole' },
  savePreset: { bindings: [{ char: 's' }], shown: 's', label: 'save' },
  writeFile: { bindings: [{ char: 'w' }], shown: 'w', label: 'write' },
  confirm: { bindings: [{ char: 'y' }], shown: 'y', label: 'yes' },
  cancel: { bindings: [{ char: 'n' }, { named: 'escape' }], shown: 'n/Esc', label: 'no' },
  add: { bindings: [{ char: 'a' }], shown: 'a', label: 'add' },
  /** Tags editor: add (or edit) the expiry tag that `cleanup` reads. */
  expire: { bindings: [{ char: 'x' }], shown: 'x', label: 'expires in…' },
  remove: { bindings: [{ char: 'd' }, { named: 'delete' }], shown: 'd', label: 'delete' },
  resume: { bindings: [{ char: 'r' }], shown: 'r', label: 'resume' },
  /** Before anything is sent: open the target picker (profile, Region, sandbox) from any screen. */
  changeTarget: { bindings: [{ ctrl: true, char: 't' }], shown: 'Ctrl+T', label: 'target' },
  /** SMART metadata builder: fill the empty elements from the issuer's smart-configuration. */
  prefill: { bindings: [{ ctrl: true, char: 'p' }], shown: 'Ctrl+P', label: 'prefill' },
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

/** The command whose hint shows this one: itself, or the other half of its pair. */
export function shownAs(command: Command): Command {
  const spec: CommandSpec = TABLE[command];
  return (spec.shownWith as Command | undefined) ?? command;
}

/** The hint of each command, e.g. `Enter next`; a pair shows once. */
function hintsOf(commands: readonly Command[]): string[] {
  return [...new Set(commands.map(shownAs))].map((command) => [TABLE[command].shown, TABLE[command].label].filter(Boolean).join(' '));
}

/** The footer line for these commands, e.g. `Enter next · Esc back · ? help`. */
export function footerHints(commands: readonly Command[]): string {
  return hintsOf(commands).join(' · ');
}

/**
 * The footer as lines of at most `width` columns, each hint whole: a line is broken between hints, never inside
 * one (a key cut from its meaning, or not shown at all, is no help). One hint wider than the line is cut.
 */
export function footerLines(commands: readonly Command[], width: number): string[] {
  const lines: string[] = [];
  for (const hint of hintsOf(commands)) {
    const last = lines.at(-1);
    if (last !== undefined && [...`${last} · ${hint}`].length <= width) lines[lines.length - 1] = `${last} · ${hint}`;
    else lines.push(hint);
  }
  return lines;
}

/** Every command of the table (for the test that holds footers and handlers together). */
export const COMMANDS = Object.keys(TABLE) as Command[];

/** The keys of a command, to press it in a test: a character or a named key. */
export function bindingsOf(command: Command): readonly Binding[] {
  return TABLE[command].bindings;
}
