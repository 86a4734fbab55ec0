/**
 * `create --export FORMAT [--export-file PATH]`: the validated request rendered in a format of the export table,
 * on standard output or in a new file. An existing file is never overwritten: as the wizard's `w` does, the
 * next free name (`name-2.ext`) is written instead, and the message says so.
 */
import { basename, dirname, join } from 'node:path';
import { EXIT, type CreateOptions } from '../options.js';
import { exportFormat, type ExportFormatName } from '../request/export-formats.js';
import { renderExport } from '../request/render-export.js';
import { writeStdout } from '../stdout.js';
import { writeNewFile } from '../store/write-new-file.js';

/** Renders and writes the export; returns the exit code. */
export function writeExport(format: ExportFormatName, request: Record<string, unknown>, options: CreateOptions): number {
  const text = renderExport(format, request, {
    ...(options.region ? { region: options.region } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
  });
  const path = options.exportFile;
  if (path === undefined) {
    writeStdout(text);
    return EXIT.ok;
  }
  const title = exportFormat(format).title;
  try {
    const written = join(dirname(path), basename(writeNewFile(dirname(path), basename(path), text)));
    const renamed = basename(written) !== basename(path);
    process.stderr.write(
      renamed
        ? `healthlake-wizard: ${path} exists and was left as it is; wrote the ${title} export to ${written} instead.\n`
        : `healthlake-wizard: wrote the ${title} export to ${written}.\n`,
    );
    return EXIT.ok;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    process.stderr.write(
      `healthlake-wizard: --export-file: ${path} cannot be written (${(error as Error).message}).\n` +
        `  Fix: ${missing ? 'Create its folder first, or give a path in an existing folder.' : 'Give a path you may write to, or leave out --export-file to print the export.'}\n`,
    );
    return missing ? EXIT.usage : EXIT.other;
  }
}
