/**
 * Data stores that expire: `--expires-in DURATION` becomes the tag `healthlake-wizard:expires-at` holding an ISO
 * 8601 UTC time; `cleanup`, `list` and the status panel read it back. Also how long ago and how soon, in words.
 * Pure: every function that needs the time is given it.
 */
import { syntaxIssue, type FieldIssue } from './issues.js';
import type { Tag } from './types.js';

/** The tag that says when a data store expires (shared by every healthlake-wizard feature that reads it). */
export const EXPIRY_TAG_KEY = 'healthlake-wizard:expires-at';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** Long enough for any test data store; a longer one is more likely a typo (2000d for 2d). */
const MAX_MS = 366 * UNIT_MS.d;

/** What `--expires-in` accepts, for its error message and help. */
export const DURATION_RULE = 'a whole number followed by m (minutes), h (hours), d (days) or w (weeks), e.g. 30m, 4h, 2d, or combined as 1d12h; at most 366 days';

/**
 * A duration such as `30m`, `4h`, `2d`, `1w` or `1d12h`, in milliseconds; a FieldIssue naming `flag` when it is
 * not one (or is zero, or longer than 366 days).
 */
export function parseDuration(text: string, flag = '--expires-in'): number | FieldIssue {
  const trimmed = text.trim().toLowerCase();
  const parts = /^(?:\d+[mhdw])+$/.test(trimmed) ? [...trimmed.matchAll(/(\d+)([mhdw])/g)] : [];
  const ms = parts.reduce((sum, [, count, unit]) => sum + Number(count) * UNIT_MS[unit as keyof typeof UNIT_MS], 0);
  if (parts.length === 0 || ms <= 0 || ms > MAX_MS) {
    return syntaxIssue(flag, `${flag} must be a duration: ${DURATION_RULE}.`, `Use for example ${flag} 4h (four hours) or ${flag} 2d (two days).`, text);
  }
  return ms;
}

/** A time as the tag holds it: UTC to the second, e.g. `2026-12-02T19:30:00Z`. */
export function utcSecond(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

/** The tag's value: `now + ms` in UTC to the second. */
export function expiryTimestamp(now: Date, ms: number): string {
  return utcSecond(new Date(now.getTime() + ms));
}

/** The request's tags with the expiry tag set to `expiresAt` (replacing one already there, kept in its place). */
export function withExpiryTag<T extends { Tags?: unknown }>(request: T, expiresAt: string): T {
  const tags = (request.Tags as Tag[] | undefined) ?? [];
  const tag = { Key: EXPIRY_TAG_KEY, Value: expiresAt };
  const replaced = tags.some((existing) => existing.Key === EXPIRY_TAG_KEY);
  return { ...request, Tags: replaced ? tags.map((existing) => (existing.Key === EXPIRY_TAG_KEY ? tag : existing)) : [...tags, tag] };
}

/** The request without the expiry tag, and that tag's value when it had one. */
export function withoutExpiryTag<T extends { Tags?: unknown }>(request: T): { request: T; removed?: string } {
  const tags = request.Tags as Tag[] | undefined;
  const removed = tags?.find((tag) => tag.Key === EXPIRY_TAG_KEY)?.Value;
  if (removed === undefined) return { request };
  const rest = tags!.filter((tag) => tag.Key !== EXPIRY_TAG_KEY);
  const copy: T = { ...request, Tags: rest };
  if (rest.length === 0) delete copy.Tags;
  return { request: copy, removed };
}

/** What a data store's tags say of its expiry. */
export type Expiry = { kind: 'none' } | { kind: 'at'; at: Date } | { kind: 'unreadable'; value: string };

/** Reads the expiry tag: its time, `unreadable` when it holds no ISO 8601 time, `none` when absent. */
export function expiryFromTags(tags: readonly { Key?: string; Value?: string }[] | undefined): Expiry {
  const value = tags?.find((tag) => tag.Key === EXPIRY_TAG_KEY)?.Value;
  if (value === undefined) return { kind: 'none' };
  // ISO 8601 with a date and a time (an offset or Z); Date.parse alone would take "2" or "May 1" too.
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value.trim()) ? new Date(value.trim()) : undefined;
  return at && !Number.isNaN(at.getTime()) ? { kind: 'at', at } : { kind: 'unreadable', value };
}

/** A span in the two largest units a person needs: `45s`, `12m`, `3h 5m`, `2d 4h`. */
export function describeSpan(ms: number): string {
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const [d, h, m] = [Math.floor(seconds / 86_400), Math.floor((seconds % 86_400) / 3600), Math.floor((seconds % 3600) / 60)];
  if (d > 0) return h > 0 ? `${d}d ${h}h` : `${d}d`;
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`;
  return m > 0 ? `${m}m` : `${seconds}s`;
}

/** `in 3h 5m` or `expired 2d ago`: an expiry seen from `now`. */
export function describeExpiry(at: Date, now: Date): string {
  const left = at.getTime() - now.getTime();
  return left > 0 ? `in ${describeSpan(left)}` : `expired ${describeSpan(left)} ago`;
}
