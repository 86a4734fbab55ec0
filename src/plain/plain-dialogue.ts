/**
 * The plain mode's conversation: lines out, lines in. A question waits for a line, and ends the run (PlainQuit)
 * on the end of input or a stop signal; numbered lists, tags and the SMART metadata are asked line by line.
 */
import { EXIT, STOP_SIGNALS, type StopSignal } from '../options.js';
import type { Answers } from '../request/answers.js';
import type { Tag } from '../request/types.js';
import type { SmartConfigurationAnswer } from '../aws/preflight/types.js';
import { emptyMetadata, prefillLine, prefillMetadata, readMetadata, withIssuer, writeMetadata } from '../wizard-flow/metadata-document.js';
import { LineReader } from './line-reader.js';
import { METADATA_PARTS, readPicks } from './plain-metadata.js';
import { PLAIN_COMMANDS, problemLines, readTag, type ReadAnswer } from './plain-prompts.js';

/** Where the plain mode reads and writes (the process's streams, or a test's). */
export interface PlainIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Ends the run from anywhere in it: the exit code and the last line. */
export class PlainQuit extends Error {
  constructor(
    readonly code: number,
    readonly farewell: string,
  ) {
    super(farewell);
  }
}

/** The last words when the run ends before anything was sent. */
export const DISCARDED = 'Answers discarded; nothing was sent.';

/** Ctrl+C (SIGINT from the terminal's cooked mode), SIGTERM and SIGHUP, as a promise to race the current wait with. */
class StopSignals {
  readonly stopped: Promise<StopSignal>;
  private readonly handlers = new Map<StopSignal, () => void>();

  constructor() {
    this.stopped = new Promise((resolve) => {
      for (const signal of Object.keys(STOP_SIGNALS) as StopSignal[]) {
        const handler = () => resolve(signal);
        this.handlers.set(signal, handler);
        process.on(signal, handler);
      }
    });
  }

  dispose(): void {
    for (const [signal, handler] of this.handlers) process.off(signal, handler);
  }
}

/** Says lines and asks questions. */
export class PlainDialogue {
  private readonly reader: LineReader;
  private readonly stops = new StopSignals();

  constructor(private readonly io: PlainIo) {
    this.reader = new LineReader(io.stdin, io.stdout);
  }

  /** Resolves with the stop signal once one arrives (Ctrl+C, SIGTERM, SIGHUP). */
  get stopped(): Promise<StopSignal> {
    return this.stops.stopped;
  }

  say(...lines: string[]): void {
    for (const line of lines) this.io.stdout.write(`${line}\n`);
  }

  /** Asks a question; Ctrl+D (end of input) and Ctrl+C end the run without sending anything. */
  async ask(question: string): Promise<string> {
    const answer = await Promise.race([this.reader.ask(question), this.stops.stopped.then((signal) => ({ signal }))]);
    if (typeof answer === 'string') return answer;
    if (answer === undefined) throw new PlainQuit(EXIT.interrupted, `End of input. ${DISCARDED}`);
    throw new PlainQuit(STOP_SIGNALS[answer.signal], DISCARDED);
  }

  /** A number from a numbered list; Enter picks the first. `undefined` when `<` goes back. */
  async pick(question: string, count: number, canGoBack: boolean): Promise<number | undefined> {
    for (;;) {
      const typed = (await this.ask(`${question} [1]: `)).trim();
      if (canGoBack && typed === PLAIN_COMMANDS.back) return undefined;
      const index = typed === '' ? 0 : /^\d+$/.test(typed) ? Number(typed) - 1 : -1;
      if (index >= 0 && index < count) return index;
      this.say(...problemLines({ message: `"${typed}" is not one of the ${count} choices.`, fix: `Type a number from 1 to ${count}${canGoBack ? `, or ${PLAIN_COMMANDS.back} to go back` : ''}.` }));
    }
  }

  /**
   * SMART metadata question by question (the wizard's builder as lines), starting from the current document. The
   * issuer comes first: given one, `fetchConfiguration` fills what is still empty from its smart-configuration,
   * and the questions that follow offer what it filled in brackets.
   */
  async buildMetadata(current: Answers[string], fetchConfiguration?: (issuer: string) => Promise<SmartConfigurationAnswer>): Promise<string> {
    let document = (typeof current === 'string' ? readMetadata(current) : undefined) ?? emptyMetadata();
    this.say('Building the SMART metadata; Enter keeps the value in brackets.');
    const given = typeof document.issuer === 'string' ? document.issuer : '';
    const typed = (await this.ask(`Issuer URL (optional; its smart-configuration fills the rest)${given ? ` [${given}]` : ''}: `)).trim();
    const issuer = typed === '' ? given : typed;
    document = withIssuer(document, issuer);
    if (issuer !== '' && fetchConfiguration) {
      this.say(`Fetching ${issuer}'s smart-configuration…`);
      const answer = await fetchConfiguration(issuer);
      const prefilled = answer.ok ? prefillMetadata(document, answer.document) : undefined;
      if (prefilled) document = prefilled.document;
      this.say(prefillLine(issuer, answer, prefilled?.filled));
    }
    for (const part of METADATA_PARTS) {
      if (!('choices' in part)) {
        const typed = await this.ask(`${part.question}${document[part.key] ? ` [${document[part.key]}]` : ''}: `);
        if (typed !== '') document[part.key] = typed.trim();
        continue;
      }
      const offered = part.choices.map((choice) => choice.value);
      this.say(`${part.question}, numbers or values separated by spaces:`, ...part.choices.map((choice, index) => `  ${index + 1}. ${choice.value}${choice.meaning ? `: ${choice.meaning}` : ''}`));
      for (;;) {
        const chosen = document[part.key];
        const read = readPicks(await this.ask(`${part.question.split(' (')[0]} [${chosen.join(' ') || 'none'}]: `), offered, chosen);
        if ('problem' in read) {
          this.say(...problemLines(read.problem));
          continue;
        }
        document[part.key] = read.values;
        break;
      }
    }
    return writeMetadata(document);
  }

  /** Tags, one `KEY=VALUE` per line until an empty line; they replace the list. */
  async readTags(first: string, current: Answers[string]): Promise<ReadAnswer> {
    if (first === '') return { value: current };
    if (first === PLAIN_COMMANDS.leaveOut) return { value: undefined };
    const tags: Tag[] = [];
    for (let line = first; line !== ''; line = await this.ask('Next tag (KEY=VALUE; an empty line ends): ')) {
      const tag = readTag(line);
      if ('problem' in tag) this.say(...problemLines(tag.problem));
      else tags.push(tag);
    }
    return { value: tags };
  }

  close(): void {
    this.reader.close();
    this.stops.dispose();
  }
}
