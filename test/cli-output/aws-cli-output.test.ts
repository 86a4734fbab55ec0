/**
 * Our `--output table|yaml|text|json` against what the AWS CLI v2 printed for the same responses (recorded by
 * test/fixtures/aws-cli/record.sh from the emulator: each case's JSON, and the AWS CLI's table, YAML and text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderOutput, renderTable } from '../../src/cli-output/render-output.js';
import type { ResponseShapeName } from '../../src/parameter-model/response-shapes.js';

const dir = new URL('../fixtures/aws-cli/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const cases = readdirSync(dir)
  .filter((name) => /^[a-z-]+\.json$/.test(name))
  .map((name) => {
    const [operation, ...json] = read(name).split('\n');
    return { name: name.replace(/\.json$/, ''), operation: operation!, json: json.join('\n'), data: JSON.parse(json.join('\n')) };
  });

describe.each(cases)('$name, as the AWS CLI printed it', ({ name, operation, json, data }) => {
  const shape = `${operation}Response` as ResponseShapeName;
  it('--output table (80 columns, as when the output is not a terminal)', async () => {
    expect(await renderTable(data, operation, 80)).toBe(read(`${name}.table.txt`));
  });
  it('--output table --color on: the same table, values and nesting borders coloured as the AWS CLI colours them', async () => {
    const colored = await renderTable(data, operation, 80, true);
    // eslint-disable-next-line no-control-regex -- control characters are what it matches
    expect(colored.replace(/\x1b\[[0-9;]*m/g, '')).toBe(read(`${name}.table.txt`));
    // A lone scalar prints only the title box (as the AWS CLI does): nothing to colour then.
    if (read(`${name}.table.txt`).includes('|  ')) expect(colored).toContain('\x1b[1m\x1b[34m');
  });
  it('--output yaml', async () => {
    expect(await renderOutput(data, { output: 'yaml', operation, shape })).toBe(read(`${name}.yaml.txt`));
  });
  it('--output text', async () => {
    expect(await renderOutput(data, { output: 'text', operation, shape })).toBe(read(`${name}.text.txt`));
  });
  // Whole responses only: a --query result's members come in the query's order.
  it.runIf(['describe', 'list'].includes(name))('--output json, whatever order the SDK gave the members in', async () => {
    expect(await renderOutput(reversed(data), { output: 'json', operation, shape })).toBe(json);
  });
});

it('has cases', () => {
  expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(['describe', 'list', 'describe-narrow', 'describe-status']));
});

/** The same data with every object's members in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reversed(member)]));
}
