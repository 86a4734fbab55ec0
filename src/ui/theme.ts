/** Colours and marks in one place. Colour itself is switched off globally (NO_COLOR, `--color off`). */
import type { StepMark } from './flow/progress.js';
import type { DatastoreStatus } from '../aws/types.js';

/** The mark before a step in the step list. */
export const STEP_MARKS: Record<StepMark, { symbol: string; color?: string }> = {
  current: { symbol: '›', color: 'cyan' },
  done: { symbol: '✔', color: 'green' },
  skipped: { symbol: '–', color: 'gray' },
  error: { symbol: '✖', color: 'red' },
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
