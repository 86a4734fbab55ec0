/**
 * The AWS CLI's `--output table`, line for line: a response becomes titled sections (one per object or list of
 * objects, nested ones indented by `|` on both sides), every section as wide as the widest, columns scaled to
 * fill it; when the widest section is wider than the terminal, every one-row section turns into key/value rows.
 * Our own commands (history, presets) can ask for more: a table that fits the terminal, its long values wrapped.
 * It follows the AWS CLI's table formatter (awscli/formatter.py and awscli/table.py) and is checked against
 * output recorded from the AWS CLI (test/cli-output/aws-cli-output.test.ts).
 */
import { pythonText, type Json } from './python-text.js';

type Dict = { [key: string]: Json };

const isDict = (value: Json | undefined): value is Dict => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: Json | undefined) => typeof value !== 'object' || value === null;

// East Asian wide and fullwidth characters take two columns, as the AWS CLI counts them.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;

/** Columns a text takes on a terminal: two for East Asian wide characters. */
export function textLength(text: string): number {
  let length = 0;
  for (const char of text) length += WIDE.test(char) ? 2 : 1;
  return length;
}

/** Python 3's round(): halves go to the even neighbour. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (Math.abs(fraction - 0.5) > 1e-9) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Colours of a table on a terminal (the AWS CLI's colorized styler), or none. */
export interface TableStyle {
  value(text: string): string;
  border(text: string): string;
}

const PLAIN: TableStyle = { value: (text) => text, border: (text) => text };

/** The AWS CLI's colours: values bright blue, the nesting borders dim yellow. */
export const COLORED: TableStyle = {
  value: (text) => `\x1b[1m\x1b[34m${text}\x1b[0m`,
  border: (text) => `\x1b[2m\x1b[33m${text}\x1b[0m`,
};

class Section {
  headers: string[] = [];
  rows: string[][] = [];
  private maxWidths: number[] = [];

  constructor(
    readonly title: string,
    readonly indent: number,
  ) {}

  addHeaders(headers: string[]): void {
    this.measure(headers);
    this.headers = headers;
  }

  addRow(row: Json[]): void {
    const cells = row.map(pythonText);
    this.rows.push(cells);
    this.measure(cells);
  }

  private measure(cells: string[]): void {
    cells.forEach((cell, i) => (this.maxWidths[i] = Math.max(textLength(cell), this.maxWidths[i] ?? 0)));
  }

  /** The width this section asks for: its columns padded, its borders and its nesting. */
  wanted(): number {
    const columns = this.maxWidths.reduce((sum, width) => sum + width + 4, 0) + 2 + 2 * this.indent;
    return Math.max(textLength(this.title) + 2 + 2 * this.indent, columns);
  }

  /** Column widths scaled to fill `total` exactly. */
  columnWidths(total: number): number[] {
    const unscaled = this.maxWidths.map((width) => width + 4);
    const sum = unscaled.reduce((a, b) => a + b, 0);
    if (unscaled.length === 0) return [];
    const scaled = unscaled.map((width) => roundHalfEven((total / sum) * width));
    let offBy = scaled.reduce((a, b) => a + b, 0) - total;
    while (offBy !== 0) {
      const order = scaled.map((_, i) => i);
      if (offBy < 0) order.reverse();
      for (const i of order) {
        scaled[i]! += offBy > 0 ? -1 : 1;
        offBy += offBy > 0 ? -1 : 1;
        if (offBy === 0) break;
      }
    }
    return scaled;
  }

  /**
   * Column widths that add up to `total` when the columns ask for more: the widest column gives a column of
   * width at a time, so short columns (a key, a status) stay whole and the long values wrap.
   */
  fittedWidths(total: number): number[] {
    const widths = this.maxWidths.map((width) => width + 4);
    let excess = widths.reduce((a, b) => a + b, 0) - total;
    if (excess <= 0) return this.columnWidths(total);
    while (excess > 0) {
      const widest = widths.indexOf(Math.max(...widths));
      if (widths[widest]! <= MIN_FITTED_COLUMN) break;
      widths[widest]! -= 1;
      excess -= 1;
    }
    return widths;
  }

  /** A section of one row with headers, turned into key/value rows. */
  vertical(row = 0): Section {
    const turned = new Section(this.title, this.indent);
    this.headers.forEach((header, i) => turned.addRow([header, this.rows[row]![i]!]));
    return turned;
  }

  /** Every row of a section with headers as key/value rows of its own (the last resort for a narrow terminal). */
  verticalRows(): Section[] {
    return this.headers.length > 0 && this.rows.length > 1 ? this.rows.map((_, row) => this.vertical(row)) : [this];
  }
}

function centered(text: string, width: number, left = '|', right = '|'): string {
  const length = textLength(text);
  const start = Math.floor(width / 2) - Math.floor(length / 2) - 1;
  const soFar = left.length + Math.max(0, start) + length;
  return `${left}${' '.repeat(Math.max(0, start))}${text}${' '.repeat(Math.max(0, width - right.length - soFar))}${right}`;
}

function leftAligned(text: string, styled: string, width: number, left: string): string {
  const length = textLength(text);
  const padding = width - (length + 2 + left.length + 1) >= 0 ? 2 : 0;
  return `${left}${' '.repeat(padding)}${styled}${' '.repeat(Math.max(0, width - left.length - padding - length - 1))}|`;
}

/** The narrowest a fitted column gets: its padding and borders, and a few characters of text. */
const MIN_FITTED_COLUMN = 10;

/**
 * A cell's text in lines of at most `width` columns: cut after a space, comma, slash or colon when there is one
 * in the line, else at the width.
 */
function wrapCell(text: string, width: number): string[] {
  // A value's own line breaks (a file's text) are kept, and each line wrapped.
  if (/\r?\n/.test(text)) return text.replace(/\r?\n$/, '').split(/\r?\n/).flatMap((line) => wrapCell(line, width));
  const lines: string[] = [];
  let rest = [...text];
  const length = (chars: string[]) => textLength(chars.join(''));
  while (length(rest) > width) {
    let fits = 0;
    while (fits < rest.length && length(rest.slice(0, fits + 1)) <= width) fits++;
    let cut = Math.max(1, fits);
    for (let at = fits; at > fits / 3; at--) {
      if (' ,/:'.includes(rest[at - 1]!)) {
        cut = at;
        break;
      }
    }
    lines.push(rest.slice(0, cut).join('').trimEnd());
    rest = rest.slice(cut);
  }
  return [...lines, rest.join('')];
}

/** One table row as its screen lines: each cell wrapped to its column, the shorter cells padded below. */
function wrappedRow(cells: string[], widths: number[], line: (text: string, width: number, index: number) => string): string[] {
  const wrapped = cells.map((cell, i) => wrapCell(cell, Math.max(1, widths[i]! - (i === 0 ? 4 : 3))));
  const height = Math.max(...wrapped.map((lines) => lines.length));
  return Array.from({ length: height }, (_, at) => wrapped.map((lines, i) => line(lines[at] ?? '', widths[i]!, i)).join(''));
}

function lineBreak(widths: number[]): string {
  return widths.map((width, i) => (i === 0 ? `+${'-'.repeat(width - 2)}+` : `${'-'.repeat(width - 1)}+`)).join('');
}

/** Builds the sections of a response the way the AWS CLI's table formatter walks it. */
class SectionBuilder {
  readonly sections: Section[] = [];
  private current: Section | undefined;

  build(title: string | undefined, value: Json, indent = 0): boolean {
    if (value === null || value === false || value === 0 || value === '' || (Array.isArray(value) && value.length === 0) || (isDict(value) && Object.keys(value).length === 0)) {
      return false;
    }
    if (title !== undefined) this.sections.push((this.current = new Section(title, indent)));
    if (Array.isArray(value)) {
      if (isDict(value[0])) this.fromListOfDicts(value as Dict[], indent, title);
      else {
        for (const item of value) {
          if (isScalar(item)) this.current?.addRow([item]);
          else if (Array.isArray(item) && item.every(isScalar)) this.current?.addRow(item);
          else this.build(undefined, item);
        }
      }
    }
    if (isDict(value)) this.fromDict(value, indent);
    return true;
  }

  private fromDict(value: Dict, indent: number): void {
    const [scalars, nested] = splitKeys([value]);
    if (scalars.length === 1) this.current?.addRow([scalars[0]!, value[scalars[0]!]!]);
    else if (scalars.length > 1) {
      this.current?.addHeaders(scalars);
      this.current?.addRow(scalars.map((key) => value[key]!));
    }
    for (const key of nested) this.build(key, value[key]!, indent + 1);
  }

  private fromListOfDicts(items: Dict[], indent: number, title: string | undefined): void {
    const [scalars, nested] = splitKeys(items);
    this.current?.addHeaders(scalars);
    items.forEach((item, index) => {
      if (index > 0 && nested.length > 0) {
        this.sections.push((this.current = new Section(title ?? '', indent)));
        this.current.addHeaders(scalars);
      }
      this.current?.addRow(scalars.map((key) => (Object.hasOwn(item, key) ? item[key]! : '')));
      for (const key of nested) if (Object.hasOwn(item, key)) this.build(key, item[key]!, indent + 1);
    });
  }
}

/** The keys of some objects with a scalar value somewhere, and those with a list or object, each sorted. */
function splitKeys(items: Dict[]): [string[], string[]] {
  const scalars = new Set<string>();
  const nested = new Set<string>();
  for (const item of items) for (const [key, value] of Object.entries(item)) (isScalar(value) ? scalars : nested).add(key);
  const sorted = (keys: Set<string>) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [sorted(scalars), sorted(nested)];
}

/**
 * Renders `data` (the response, after `--query`) titled with the operation's name. `terminalWidth` is the
 * terminal's (80 when the output is not one, as for the AWS CLI). Empty output for an empty response.
 */
export function renderAwsTable(data: Json, title: string, terminalWidth = 80, style: TableStyle = PLAIN, fit = false): string {
  const builder = new SectionBuilder();
  if (!builder.build(title, data)) return '';
  let sections = builder.sections;
  const widest = () => Math.max(...sections.map((section) => section.wanted()));
  let width = widest();
  if (width > terminalWidth) {
    sections = sections.map((section) => (section.rows.length === 1 && section.headers.length > 0 ? section.vertical() : section));
    width = widest();
  }
  // The AWS CLI stops there and lets the terminal cut the lines; our own commands (`fit`) go on: every row as
  // key/value rows, then long values wrapped within the terminal's width.
  if (fit && width > terminalWidth) {
    sections = sections.flatMap((section) => (section.wanted() > terminalWidth ? section.verticalRows() : [section]));
    width = Math.min(widest(), terminalWidth);
  }
  const fitted = fit && width === terminalWidth;
  const lines = ['-'.repeat(width)];
  for (const section of sections) {
    const edge = style.border('|').repeat(section.indent);
    const inner = width - 2 * section.indent;
    const push = (line: string) => lines.push(`${edge}${line}${edge}`);
    if (section.title) {
      push(centered(section.title, inner));
      if (section.headers.length === 0 && section.rows.length === 0) push(`+${'-'.repeat(inner - 2)}+`);
    }
    const widths = fitted ? section.fittedWidths(inner) : section.columnWidths(inner);
    if (section.headers.length > 0) {
      push(lineBreak(widths));
      if (fitted) for (const line of wrappedRow(section.headers, widths, (text, w, i) => centered(text, w, i === 0 ? '|' : ''))) push(line);
      else push(section.headers.map((header, i) => centered(header, widths[i]!, i === 0 ? '|' : '')).join(''));
    }
    if (section.rows.length > 0 && widths.length > 0) {
      push(lineBreak(widths));
      for (const row of section.rows) {
        if (fitted) for (const line of wrappedRow(row, widths, (text, w, i) => leftAligned(text, style.value(text), w, i === 0 ? '|' : ''))) push(line);
        else push(row.map((cell, i) => leftAligned(cell, style.value(cell), widths[i]!, i === 0 ? '|' : '')).join(''));
      }
      push(lineBreak(widths));
    }
  }
  return `${lines.join('\n')}\n`;
}
