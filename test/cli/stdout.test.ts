/** writeStdout: the whole text, in order, on a real file; and what happens when the descriptor cannot take it. */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeStdout, type StdoutTarget } from '../../src/stdout.js';

const TEXT = 'Pacientes ÄÖ · 数据 ✓\n'.repeat(50);
const scratch = mkdtempSync(join(tmpdir(), 'hlw-stdout-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A target whose descriptor takes at most `chunk` bytes a call, then fails with `code` after `failAfter` bytes. */
function fakeTarget(options: { chunk?: number; failAfter?: number; code?: string; platform?: NodeJS.Platform } = {}) {
  const written: Buffer[] = [];
  const fellBack: Buffer[] = [];
  let total = 0;
  const target: StdoutTarget = {
    fd: 1,
    platform: options.platform ?? 'linux',
    writeSync: (_fd, buffer, offset) => {
      if (options.failAfter !== undefined && total >= options.failAfter) throw Object.assign(new Error(options.code), { code: options.code });
      const end = Math.min(buffer.length, offset + (options.chunk ?? buffer.length));
      written.push(Buffer.from(buffer.subarray(offset, end)));
      total += end - offset;
      return end - offset;
    },
    fallback: () => ({ write: (chunk: Uint8Array) => fellBack.push(Buffer.from(chunk)) }),
  };
  return { target, written: () => Buffer.concat(written).toString('utf8'), fellBack: () => Buffer.concat(fellBack).toString('utf8') };
}

describe('writeStdout', () => {
  it('writes the whole text to a real descriptor', () => {
    const file = join(scratch, 'out.txt');
    const fd = openSync(file, 'w');
    writeStdout(TEXT, { fd, writeSync, fallback: () => process.stdout, platform: 'linux' });
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe(TEXT);
  });

  it('goes on after partial writes', () => {
    const fake = fakeTarget({ chunk: 7 });
    writeStdout(TEXT, fake.target);
    expect(fake.written()).toBe(TEXT);
    expect(fake.fellBack()).toBe('');
  });

  it('hands what is left to process.stdout when the pipe is full and non-blocking (EAGAIN)', () => {
    const fake = fakeTarget({ chunk: 64, failAfter: 256, code: 'EAGAIN' });
    writeStdout(TEXT, fake.target);
    expect(Buffer.byteLength(fake.written())).toBe(256);
    expect(Buffer.concat([Buffer.from(fake.written()), Buffer.from(fake.fellBack())]).toString('utf8')).toBe(TEXT);
  });

  it('stops quietly when the reader is gone (EPIPE), and throws any other error', () => {
    const gone = fakeTarget({ failAfter: 0, code: 'EPIPE' });
    expect(() => writeStdout(TEXT, gone.target)).not.toThrow();
    expect(gone.fellBack()).toBe('');
    expect(() => writeStdout(TEXT, fakeTarget({ failAfter: 0, code: 'EBADF' }).target)).toThrow('EBADF');
  });

  it('uses the stream on Windows', () => {
    const fake = fakeTarget({ platform: 'win32' });
    writeStdout(TEXT, fake.target);
    expect(fake.written()).toBe('');
    expect(fake.fellBack()).toBe(TEXT);
  });
});
