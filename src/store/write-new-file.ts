/** Writes a new file (a preview, an export): never over an existing one (a second write gets `name-2.ext`, and so on). */
import { writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

/** Writes `text` to a new file named like `fileName` in `directory`; returns the path written. */
export function writeNewFile(directory: string, fileName: string, text: string): string {
  // The extension is what follows the first dot, so that `x.cfn.yaml` becomes `x-2.cfn.yaml`.
  const dot = fileName.indexOf('.');
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, extname(fileName)];
  for (let attempt = 1; ; attempt++) {
    const path = resolve(join(directory, attempt === 1 ? fileName : `${stem}-${attempt}${extension}`));
    try {
      writeFileSync(path, text, { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 99) throw error;
    }
  }
}
