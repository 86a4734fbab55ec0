/** Reading the INI files the AWS CLI writes (`~/.aws/config`, `~/.aws/credentials`): used by the client side and the output formatting alike. */
import { readFileSync } from 'node:fs';

/** The sections of an INI file, each a map of its keys (lower case) to values. */
export type IniSections = Map<string, Map<string, string>>;

/** Parses an INI file the way the shared config files are written (`[section]`, `key = value`). */
export function readIni(path: string): IniSections {
  const sections: IniSections = new Map();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return sections;
  }
  let current: Map<string, string> | undefined;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(trimmed);
    if (header) {
      current = new Map();
      sections.set(header[1]!.replace(/\s+/g, ' '), current);
      continue;
    }
    const pair = /^([^=]+?)\s*=\s*(.*)$/.exec(trimmed);
    if (pair && current && !/^\s/.test(line)) current.set(pair[1]!.toLowerCase(), pair[2]!);
  }
  return sections;
}
