/** The rule for preset names: short, safe in a shell and a file name, easy to type. */
import type { FieldIssue } from '../request/issues.js';

/** 1–64 characters: letters, digits, `-`, `_`, `.`; starting with a letter or digit. */
export const PRESET_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The rule in words, for messages and help. */
export const PRESET_NAME_RULE = '1-64 characters: letters, digits, "-", "_" and "."; starting with a letter or digit';

/** Why the name breaks the rule, as an issue (for the save dialog and the commands), or undefined when it is fine. */
export function checkPresetName(name: string, flag = 'preset name'): FieldIssue | undefined {
  if (PRESET_NAME_PATTERN.test(name)) return undefined;
  const why =
    name.length === 0 ? 'is empty'
    : name.length > 64 ? `is ${name.length} characters long`
    : !/^[A-Za-z0-9]/.test(name) ? 'does not start with a letter or digit'
    : `contains ${JSON.stringify(name.match(/[^A-Za-z0-9._-]/u)?.[0] ?? '')}`;
  // Separators neither lead nor trail a suggestion: "smart-clinic#" becomes "smart-clinic", not "smart-clinic-".
  const suggestion = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 64)
    .replace(/[._-]+$/, '');
  return {
    field: '',
    flag,
    rule: 'pattern',
    message: `The preset name ${why}; names are ${PRESET_NAME_RULE}.`,
    fix: suggestion ? `Use a name such as ${JSON.stringify(suggestion)}.` : 'Use a name such as "dev-r4".',
    value: name,
    severity: 'error',
  };
}
