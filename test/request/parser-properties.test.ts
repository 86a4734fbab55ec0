import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseCreateArgs } from '../../src/request/argv.js';
import { InputError } from '../../src/request/issues.js';
import { ShorthandSyntaxError, parseShorthand } from '../../src/request/shorthand.js';
import { PARAMETERS } from '../../src/parameter-model/index.js';
import { OPTION_FLAGS } from '../../src/request/create-flags.js';

// Strings rich in the grammar's own characters, so that the parser goes deep rather than failing at once.
const grammarish = fc
  .array(fc.oneof(fc.constantFrom('=', ',', '{', '}', '[', ']', "'", '"', '\\', ' ', '\n', '@=', 'file://', 'a', 'Key', 'Value', 'true', '😀', 'é'), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(grammarish, fc.string({ unit: 'binary' }), fc.json());

const flags = [...PARAMETERS.map((p) => p.flag), ...OPTION_FLAGS.map((o) => o.flag)];
const argvItem = fc.oneof(fc.constantFrom(...flags), fc.constantFrom(...flags).map((f) => `${f}=`), anyText, fc.constant('--'), fc.constant('-x'));

function onlyOurErrors(run: () => unknown, expected: new (...args: never[]) => Error): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof expected)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
  }
}

describe('the parsers never throw anything but their own errors', () => {
  it('parseShorthand throws only ShorthandSyntaxError', () => {
    fc.assert(fc.property(anyText, (text) => onlyOurErrors(() => parseShorthand(text), ShorthandSyntaxError)), { numRuns: 3000 });
  });

  it('parseCreateArgs throws only InputError, whose issues all name a flag and a fix', () => {
    fc.assert(
      fc.property(fc.array(argvItem, { maxLength: 8 }), (argv) => {
        try {
          parseCreateArgs(argv, parseYaml);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          for (const issue of error.issues) {
            expect(issue.flag.length).toBeGreaterThan(0);
            expect(issue.fix.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('parses every structure flag value without crashing', () => {
    const structured = PARAMETERS.filter((p) => p.kind === 'structure' || p.kind === 'list').map((p) => p.flag);
    fc.assert(
      fc.property(fc.constantFrom(...structured), fc.array(anyText, { minLength: 1, maxLength: 3 }), (flag, values) => {
        onlyOurErrors(() => parseCreateArgs([flag, ...values.map((v) => (v.startsWith('-') ? ` ${v}` : v))], parseYaml), InputError);
      }),
      { numRuns: 3000 },
    );
  });
});
