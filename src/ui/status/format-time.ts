/** Times as the status panel shows them. */
import { describeSpan } from '../../request/expiry.js';

/** `1m 05s`, `42s`; from an hour on, the two largest units (`2h 5m`, `3d 4h`): a data store may be days old. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds >= 3600) return describeSpan(seconds * 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m ${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

/** Local wall-clock time, `14:03:27`. */
export function formatClock(at: number): string {
  const date = new Date(at);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

/** The region inside an ARN (`arn:aws:healthlake:us-east-1:...`). */
export function regionOfArn(arn: string): string | undefined {
  return arn.split(':')[3] || undefined;
}
