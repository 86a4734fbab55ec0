/**
 * A command's result, written to standard output in one piece.
 *
 * Node builds `process.stdout` on first use: a stream over the terminal, file or pipe, 2 to 4 ms of loading and
 * setting up, which is more than a dry run's own work. A command that prints one result and ends does not need a
 * stream: it writes the bytes to descriptor 1 with `fs.writeSync`, as a C program would. Windows keeps
 * `process.stdout` (its console wants the stream's UTF-16 conversion), and so does a full non-blocking pipe
 * (EAGAIN), which only a stream can wait on. A reader that went away (EPIPE: `| head`) ends the output quietly,
 * as the AWS CLI does.
 */
import { writeSync } from 'node:fs';

/** What writeStdout writes with: injectable for the tests, which cannot make a pipe full or non-blocking. */
export interface StdoutTarget {
  fd: number;
  writeSync: (fd: number, buffer: Uint8Array, offset: number) => number;
  fallback: () => { write(chunk: Uint8Array): unknown };
  platform: NodeJS.Platform;
}

const STDOUT: StdoutTarget = { fd: 1, writeSync, fallback: () => process.stdout, platform: process.platform };

export function writeStdout(text: string, target: StdoutTarget = STDOUT): void {
  const bytes = Buffer.from(text, 'utf8');
  if (target.platform === 'win32') {
    target.fallback().write(bytes);
    return;
  }
  let offset = 0;
  try {
    while (offset < bytes.length) offset += target.writeSync(target.fd, bytes, offset);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EAGAIN') target.fallback().write(bytes.subarray(offset));
    else if (code !== 'EPIPE') throw error;
  }
}
