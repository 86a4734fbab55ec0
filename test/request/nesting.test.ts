/**
 * Values nested too deeply, from every way a value comes in (JSON, --cli-input-json, --cli-input-yaml,
 * shorthand), are refused for what they are: nesting deeper than MAX_NESTING, naming the flag and the field,
 * exit 252; never "a list that contains itself" or "Maximum call stack size exceeded".
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCreateArgs } from '../../src/request/argv.js';
import { InputError, formatIssue, showValue, type FieldIssue } from '../../src/request/issues.js';
import { MAX_NESTING, SPEC_NESTING } from '../../src/request/nesting.js';
import { emptyHome, runBinary } from '../cli/built-binary.js';

function issuesOf(argv: string[]): FieldIssue[] {
  try {
    parseCreateArgs(['--datastore-type-version', 'R4', ...argv], parseYaml);
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  return [];
}

/** A JSON list nested `depth` levels deep: [[...]] with `depth` brackets. */
const jsonLists = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
/** A JSON object nested `depth` levels deep: {"a":{"a":...1}}. */
const jsonObjects = (depth: number) => `${'{"a":'.repeat(depth - 1)}{"a":1}${'}'.repeat(depth - 1)}`;

describe(`nesting deeper than ${MAX_NESTING} levels`, () => {
  it('is the documented limit, well above what the spec needs', () => {
    expect(SPEC_NESTING).toBe(2);
    expect(MAX_NESTING).toBe(32);
  });

  it('a JSON parameter value: refused at one level too many, naming the flag, the field and the limit', () => {
    const [issue, ...rest] = issuesOf(['--tags', jsonLists(MAX_NESTING + 1)]);
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ flag: '--tags', field: 'Tags', rule: 'nesting', severity: 'error' });
    expect(formatIssue(issue!)).toBe(
      `--tags (Tags): The value nests lists and objects more than 32 levels deep (Tags[0][0]…[0] is level 33); no parameter of CreateFHIRDatastore needs more than 2.\n` +
        '  Fix: Check the brackets: each extra [ or { (or YAML indentation step) nests the value one level deeper. --generate-cli-skeleton input shows the shape.',
    );
    // At the limit it is only a wrong shape, for validation to report.
    expect(issuesOf(['--tags', jsonLists(MAX_NESTING)]).map((found) => found.rule)).not.toContain('nesting');
    expect(issuesOf(['--sse-configuration', jsonObjects(MAX_NESTING + 1)])[0]).toMatchObject({ flag: '--sse-configuration', field: 'SseConfiguration', rule: 'nesting' });
  });

  it('--cli-input-json thousands of levels deep: the nesting, not "a list that contains itself"', () => {
    const [issue] = issuesOf(['--cli-input-json', `{"Tags": ${jsonLists(5000)}}`]);
    expect(issue).toMatchObject({ flag: '--cli-input-json', field: 'Tags', rule: 'nesting' });
    expect(issue!.message).toContain('more than 32 levels deep');
    expect(formatIssue(issue!)).not.toContain('contains itself');
  });

  it('--cli-input-yaml deep enough to exhaust the YAML parser: the nesting, not "Maximum call stack size exceeded"', () => {
    const [issue] = issuesOf(['--cli-input-yaml', `Tags: ${jsonLists(5000)}`]);
    expect(issue).toMatchObject({ flag: '--cli-input-yaml', rule: 'nesting' });
    expect(issue!.message).toBe('The input nests lists and objects far deeper than 32 levels, the most a parameter value may have.');
    // Shallower, the parser copes and the value is checked like any other.
    expect(issuesOf(['--cli-input-yaml', `Tags: ${jsonLists(40)}`])[0]).toMatchObject({ field: 'Tags', rule: 'nesting' });
  });

  it('a YAML alias inside its own anchor is named as such', () => {
    const [issue] = issuesOf(['--cli-input-yaml', 'Tags: &loop [{Key: a, Value: *loop}]']);
    expect(issue).toMatchObject({ flag: '--cli-input-yaml', field: 'Tags', rule: 'nesting' });
    expect(issue!.message).toBe('The value contains itself at Tags[0].Value: a YAML alias (*name) is used inside its own anchor (&name).');
  });

  it('shorthand: the limit is the same', () => {
    const [issue] = issuesOf(['--sse-configuration', `KmsEncryptionConfig=${'{a='.repeat(MAX_NESTING + 1)}${'}'.repeat(MAX_NESTING + 1)}`]);
    expect(issue).toMatchObject({ flag: '--sse-configuration', rule: 'syntax' });
    expect(issue!.message).toContain('Expected at most 32 levels of nested [ ] and { }, found one more');
  });

  it('a value too deep to print is shown as such', () => {
    expect(showValue(JSON.parse(jsonLists(20_000)))).toBe('[a list nested too deeply to show]');
  });

  const home = emptyHome();
  const dir = mkdtempSync(join(tmpdir(), 'hlw-nesting-'));
  afterAll(() => {
    home.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the built binary exits 252 with the message and no stack trace', async () => {
    const input = join(dir, 'deep.yaml');
    writeFileSync(input, `DatastoreTypeVersion: R4\nTags: ${jsonLists(5000)}\n`);
    const result = await runBinary(['create', '--no-interactive', '--dry-run', '--cli-input-yaml', `file://${input}`], home.env);
    expect(result.code).toBe(252);
    expect(result.stderr).toContain('--cli-input-yaml: The input nests lists and objects far deeper than 32 levels');
    expect(result.stderr).not.toMatch(/call stack|\n\s+at /);
  });
});
