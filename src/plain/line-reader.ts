/**
 * Lines from the person, one question at a time. The terminal stays in its cooked mode: it echoes and edits
 * the line itself (Backspace, Ctrl+U, a screen reader's review keys), and the program only ever reads whole lines.
 */
import { createInterface, type Interface } from 'node:readline';

/** Reads answers; `undefined` means the input ended (Ctrl+D, a closed pipe). */
export class LineReader {
  private readonly lines: string[] = [];
  private waiting: ((line: string | undefined) => void) | undefined;
  private ended = false;
  private readonly readline: Interface;

  constructor(
    input: NodeJS.ReadableStream,
    private readonly output: NodeJS.WritableStream,
  ) {
    // terminal: false — readline must not switch to raw mode or redraw the line: the terminal's own editing works.
    this.readline = createInterface({ input, terminal: false, crlfDelay: Infinity });
    this.readline.on('line', (line) => this.deliver(line));
    this.readline.on('close', () => {
      this.ended = true;
      this.deliver(undefined);
    });
  }

  private deliver(line: string | undefined): void {
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting(line);
    } else if (line !== undefined) {
      this.lines.push(line);
    }
  }

  /** Writes the question (no newline: the answer follows it on the line) and resolves with the answer. */
  ask(question: string): Promise<string | undefined> {
    this.output.write(question);
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** Stops reading, so that the process can end. */
  close(): void {
    this.readline.close();
  }
}
