/** The expiry tag: durations, the time written with an injected clock, reading it back, and spans in words. */
import { describe, expect, it } from 'vitest';
import { parseCreateArgs } from '../../src/request/argv.js';
import { EXPIRY_TAG_KEY, describeExpiry, describeSpan, expiryFromTags, expiryTimestamp, parseDuration, withExpiryTag } from '../../src/request/expiry.js';

const NOW = new Date('2026-12-02T15:30:12.345Z');

describe('parseDuration', () => {
  it('reads minutes, hours, days, weeks and their sums', () => {
    expect(parseDuration('30m')).toBe(30 * 60_000);
    expect(parseDuration('4h')).toBe(4 * 3_600_000);
    expect(parseDuration('2D')).toBe(2 * 86_400_000);
    expect(parseDuration('1w')).toBe(7 * 86_400_000);
    expect(parseDuration('1d12h')).toBe(36 * 3_600_000);
  });

  it('refuses anything else with the rule and the fix, naming the flag', () => {
    for (const bad of ['', '4', 'h', '4 h', '4x', '0m', '-1h', '1.5h', '367d']) {
      const issue = parseDuration(bad);
      expect(typeof issue, bad).toBe('object');
      expect(issue).toMatchObject({ flag: '--expires-in', value: bad, message: expect.stringContaining('--expires-in must be a duration') });
    }
    expect(() => parseCreateArgs(['--expires-in', '2x'])).toThrow(/--expires-in must be a duration/);
    expect(parseCreateArgs(['--expires-in', '2d']).options.expiresInMs).toBe(2 * 86_400_000);
  });
});

describe('the expiry tag', () => {
  it('holds now plus the duration, to the second, in UTC', () => {
    expect(expiryTimestamp(NOW, 4 * 3_600_000)).toBe('2026-12-02T19:30:12Z');
  });

  it('is added after the tags given, or replaces one already there in its place', () => {
    const request: Record<string, unknown> = { DatastoreTypeVersion: 'R4' };
    expect(withExpiryTag(request, 'T')).toEqual({ DatastoreTypeVersion: 'R4', Tags: [{ Key: EXPIRY_TAG_KEY, Value: 'T' }] });
    const tags = [{ Key: EXPIRY_TAG_KEY, Value: 'old' }, { Key: 'team', Value: 'a' }];
    expect(withExpiryTag({ Tags: tags }, 'new').Tags).toEqual([{ Key: EXPIRY_TAG_KEY, Value: 'new' }, { Key: 'team', Value: 'a' }]);
  });

  it('reads back as a time; a value that is no ISO 8601 time is unreadable, never guessed', () => {
    expect(expiryFromTags([{ Key: 'team', Value: 'a' }])).toEqual({ kind: 'none' });
    expect(expiryFromTags([{ Key: EXPIRY_TAG_KEY, Value: '2026-12-02T19:30:00Z' }])).toEqual({ kind: 'at', at: new Date('2026-12-02T19:30:00Z') });
    expect(expiryFromTags([{ Key: EXPIRY_TAG_KEY, Value: '2026-12-02T20:30:00+01:00' }])).toEqual({ kind: 'at', at: new Date('2026-12-02T19:30:00Z') });
    for (const value of ['tomorrow', '2', '2026-12-02', '2026-13-40T99:00:00Z']) expect(expiryFromTags([{ Key: EXPIRY_TAG_KEY, Value: value }])).toEqual({ kind: 'unreadable', value });
  });
});

describe('spans in words', () => {
  it('uses the two largest units', () => {
    expect(describeSpan(45_000)).toBe('45s');
    expect(describeSpan(12 * 60_000 + 5_000)).toBe('12m');
    expect(describeSpan(3 * 3_600_000 + 5 * 60_000)).toBe('3h 5m');
    expect(describeSpan(2 * 86_400_000 + 4 * 3_600_000 + 60_000)).toBe('2d 4h');
    expect(describeSpan(86_400_000)).toBe('1d');
  });

  it('says whether an expiry is ahead or past', () => {
    expect(describeExpiry(new Date(NOW.getTime() + 90 * 60_000), NOW)).toBe('in 1h 30m');
    expect(describeExpiry(new Date(NOW.getTime() - 2 * 86_400_000), NOW)).toBe('expired 2d ago');
  });
});
