/**
 * The preview pane's layout of long lines: what a person copies from the rows means what the tab means. Each
 * shell's rows are read back by that shell's rules (bash itself), the JSON rows by JSON.parse; a line that
 * cannot be broken without changing it is cut and marked, never broken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCreateArgs } from '../../src/request/argv.js';
import { EXPIRY_TAG_KEY } from '../../src/request/expiry.js';
import { renderAwsCommand, type Shell } from '../../src/request/render-aws-command.js';
import { renderCdk } from '../../src/request/render-cdk.js';
import { renderRequestJson } from '../../src/request/render-json-yaml.js';
import { renderTerraform } from '../../src/request/render-terraform.js';
import type { CreateRequest } from '../../src/request/types.js';
import { layoutPreviewLines, type PaneRow } from '../../src/ui/review/preview-lines.js';
import { validRequest } from '../request/support/arbitrary-request.js';
import { bashArguments, cmdArguments, powerShellArguments } from '../request/support/shell-words.js';

const decode: Record<Shell, (command: string) => string[]> = { bash: bashArguments, powershell: powerShellArguments, cmd: cmdArguments };
const lines = (text: string) => text.replace(/\n$/, '').split('\n');
const copied = (rows: PaneRow[]) => rows.map((row) => row.text).join('\n');

const expiring: CreateRequest = {
  DatastoreName: 'clinic store: north, wing',
  DatastoreTypeVersion: 'R4',
  Tags: [
    { Key: 'owner', Value: 'data-platform' },
    { Key: EXPIRY_TAG_KEY, Value: '2026-12-05T06:04:58Z' },
  ],
};

describe('the aws command in a pane narrower than its lines', () => {
  for (const shell of ['bash', 'powershell', 'cmd'] as const) {
    it(`${shell}: the rows copied run as the same command, the expiry tag's key and the name whole`, () => {
      const rows = layoutPreviewLines(lines(renderAwsCommand(expiring, shell, { region: 'us-east-1' })), 79, { shell });
      expect(rows.every((row) => [...row.text].length <= 79)).toBe(true);
      if (shell === 'cmd') {
        // cmd cannot break a quoted argument: the long one is cut and marked, and no row breaks inside quotes.
        expect(rows.some((row) => row.cut)).toBe(true);
        for (const row of rows) expect((row.text.match(/"/g) ?? []).length % 2 === 0 || row.cut).toBe(true);
        return;
      }
      expect(rows.some((row) => row.cut)).toBe(false);
      expect(copied(rows)).toContain(`"${EXPIRY_TAG_KEY}"`);
      const parsed = parseCreateArgs(decode[shell](copied(rows)).slice(2));
      expect(parsed.request).toEqual(expiring);
      expect(parsed.options).toEqual({ region: 'us-east-1' });
    });

    it(`${shell}: any request, at any width, is copied as the same command or its cut lines are marked (property)`, () => {
      fc.assert(
        fc.property(validRequest, fc.integer({ min: 20, max: 100 }), (request, width) => {
          const rows = layoutPreviewLines(lines(renderAwsCommand(request, shell)), width, { shell });
          if (rows.some((row) => row.cut)) return;
          expect(parseCreateArgs(decode[shell](copied(rows)).slice(2)).request).toEqual(request);
        }),
        { numRuns: shell === 'bash' ? 40 : 200 },
      );
    });
  }
});

describe('the JSON request in a pane', () => {
  it('is broken between tokens only: the rows copied parse to the same request (property)', () => {
    fc.assert(
      fc.property(validRequest, fc.integer({ min: 20, max: 100 }), (request, width) => {
        const rows = layoutPreviewLines(lines(renderRequestJson(request)), width, 'json');
        if (rows.some((row) => row.cut)) return;
        expect(JSON.parse(copied(rows))).toEqual(request);
      }),
      { numRuns: 300 },
    );
  });
});

describe('code kept whole', () => {
  it('CDK and Terraform lines are never broken: a long one is cut and marked, and generated comments fit 80 columns', () => {
    const long = { ...expiring, DatastoreName: 'n'.repeat(120) };
    for (const text of [renderCdk(long), renderTerraform({ ...long, DatastoreName: 'Cafe\u0301 '.repeat(20) })]) {
      const rows = layoutPreviewLines(lines(text), 79, 'whole');
      expect(rows).toHaveLength(lines(text).length);
      expect(rows.some((row) => row.cut)).toBe(true);
      for (const [index, row] of rows.entries()) expect(row.cut ? lines(text)[index]!.startsWith(row.text) : row.text === lines(text)[index]).toBe(true);
      for (const comment of lines(text).filter((line) => /^\s*(\/\/|#)/.test(line))) expect(comment.length).toBeLessThanOrEqual(78);
    }
  });
});
