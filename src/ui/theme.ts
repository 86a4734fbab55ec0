/** Colours and marks in one place. Colour itself is switched off globally (NO_COLOR, `--color off`). */
import type { StepMark } from '../wizard-flow/progress.js';
import type { DatastoreStatus } from '../aws/types.js';
import { MARK } from '../wizard-flow/marks.js';


/** The mark before a step in the step list. */
export const STEP_MARKS: Record<StepMark, { symbol: string; color?: string }> = {
  current: { symbol: '›', color: 'cyan' },
  done: { symbol: MARK.ok, color: 'green' },
  skipped: { symbol: '–', color: 'gray' },
  error: { symbol: MARK.error, color: 'red' },
  todo: { symbol: '·', color: 'gray' },
};

/** The colour of a status badge. */
export function statusColor(status: DatastoreStatus | undefined): string {
  switch (status) {
    case 'ACTIVE':
      return 'green';
    case 'CREATE_FAILED':
    case 'DELETED':
      return 'red';
    default:
      return 'yellow';
  }
}

/** The accent colour for titles and the current choice. */
export const ACCENT = 'cyan';

/**
 * Text in reverse video, written as its own SGR codes: Ink's `inverse` goes through the colour library, which
 * NO_COLOR (and `--color off`) turns off entirely, and the text cursor then vanished. Reverse video is not a
 * colour, so it stays.
 */
export function reverseVideo(text: string): string {
  return `\x1b[7m${text}\x1b[27m`;
}
