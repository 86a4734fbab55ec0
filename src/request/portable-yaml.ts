/**
 * YAML that reads the same in YAML 1.1 and 1.2. The `yaml` library writes 1.2 by default, where `yes`, `on`,
 * `2026-12-05` and `2010-09-09` are plain strings; CloudFormation's and PyYAML's readers (cfn-lint, the AWS CLI's
 * --cli-input-yaml) read 1.1, where they are booleans and dates. Every string either version would read as
 * something else is double-quoted.
 */
import { Document, parse, Scalar, visit } from 'yaml';

/** Whether a plain scalar of this text would be read as something other than this string, in 1.1 or 1.2. */
function readsAsOtherThanItself(text: string): boolean {
  try {
    return parse(text, { version: '1.1' }) !== text || parse(text, { version: '1.2' }) !== text;
  } catch {
    return true;
  }
}

/** The value as block YAML without line folding (long values stay on one line), safe for 1.1 and 1.2 readers. */
export function stringifyPortableYaml(value: unknown): string {
  const document = new Document(value);
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && readsAsOtherThanItself(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return document.toString({ lineWidth: 0 });
}
