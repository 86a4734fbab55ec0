/**
 * The AWS CLI global options are declared once (request/global-flags.ts) and each command's own flags once: every
 * command's --help lists exactly the flags its parser takes, the shell completion offers the same, and a flag a
 * command does not take (unknown, or a global option of another command) or a bad global value gets the same
 * clear error on every command. Help and errors come from the built binary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagsOf, parseCommandArgs, type CommandFlags } from '../../src/commands/command-args.js';
import { FLAGS as CLEANUP_FLAGS } from '../../src/commands/cleanup.js';
import { FLAGS as DELETE_FLAGS } from '../../src/commands/delete.js';
import { HISTORY_FLAGS } from '../../src/commands/history.js';
import { FLAGS as LIST_FLAGS } from '../../src/commands/list.js';
import { POLICY_CHECK_FLAGS } from '../../src/commands/policy.js';
import { HELP_FLAG, PRESET_FLAGS } from '../../src/commands/preset-flags.js';
import { FLAGS as STATUS_FLAGS } from '../../src/commands/status/status.js';
import { commandModel } from '../../src/completion/command-model.js';
import { parseCreateArgs } from '../../src/request/argv.js';
import { OPTION_FLAGS } from '../../src/request/create-flags.js';
import { COMMAND_GLOBALS, GLOBAL_FLAGS, globalFlagsOf } from '../../src/request/global-flags.js';
import { InputError } from '../../src/request/issues.js';
import { PARAMETERS } from '../../src/parameter-model/index.js';
import { emptyHome, requireBuild, runBinary } from './built-binary.js';

requireBuild();
let home: ReturnType<typeof emptyHome>;
beforeAll(() => {
  home = emptyHome();
});
afterAll(() => home?.remove());

/** The commands besides create, with their own flag tables as their parsers read them. */
const OWN: Record<string, CommandFlags> = {
  status: STATUS_FLAGS,
  list: LIST_FLAGS,
  delete: DELETE_FLAGS,
  cleanup: CLEANUP_FLAGS,
  history: HISTORY_FLAGS,
  'policy check': POLICY_CHECK_FLAGS,
  'presets list': { ...PRESET_FLAGS.list, ...HELP_FLAG },
  'presets show': { ...PRESET_FLAGS.show, ...HELP_FLAG },
  'presets export': { ...PRESET_FLAGS.export, ...HELP_FLAG },
  'presets import': { ...PRESET_FLAGS.import, ...HELP_FLAG },
};
const CREATE_FLAGS = [...PARAMETERS.map((parameter) => parameter.flag), ...OPTION_FLAGS.map((option) => option.flag)];

/** The flags a help text lists as rows: `  --flag ...` or `  -h, --help`, at the start of a line. */
const rowsOf = (help: string) => [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z0-9-]*)/gm)].map((match) => match[1]!).sort();
const sorted = (flags: readonly string[]) => [...new Set(flags)].sort();

/** A value each flag's parser accepts. */
const sample = (flag: string): string[] => {
  const option = GLOBAL_FLAGS.find((candidate) => candidate.flag === flag);
  if (option) return option.kind === 'boolean' ? [] : option.choices ? [option.choices[0]!] : option.kind === 'integer' ? ['5'] : ['x'];
  return [];
};

describe('--help lists exactly the flags each command parses', () => {
  it('create: every parameter, its own options and its AWS CLI global options', async () => {
    const { stdout, code } = await runBinary(['create', '--help'], home.env);
    expect(code).toBe(0);
    expect(rowsOf(stdout)).toEqual(sorted(CREATE_FLAGS));
    for (const option of globalFlagsOf('create')) expect(parseCreateArgs([option.flag, ...sample(option.flag)]).options).not.toEqual({});
  });

  for (const [command, own] of Object.entries(OWN).filter(([name]) => !name.startsWith('presets'))) {
    it(`${command}: its own flags and the global options COMMAND_GLOBALS gives it, each one accepted by its parser`, async () => {
      const { stdout, code } = await runBinary([...command.split(' '), '--help'], home.env);
      expect(code).toBe(0);
      const expected = flagsOf(command, own);
      expect(rowsOf(stdout)).toEqual(sorted(expected));
      for (const flag of expected) {
        const value = own[flag.slice(2)]?.type === 'string' ? ['1'] : sample(flag);
        expect(() => parseCommandArgs(command, [flag, ...value], own, true), flag).not.toThrow();
      }
    });
  }

  it('presets: the global options every presets command takes', async () => {
    const { stdout } = await runBinary(['presets', '--help'], home.env);
    expect(rowsOf(stdout)).toEqual(sorted(globalFlagsOf('presets').map((option) => option.flag)));
  });
});

describe('the shell completion and the man page offer the same flags', () => {
  it('each command of the model has exactly the flags its parser takes', () => {
    const model = Object.fromEntries(commandModel().map((command) => [command.name, sorted(command.flags.map((flag) => flag.flag))]));
    expect(model.create).toEqual(sorted(CREATE_FLAGS));
    for (const [command, own] of Object.entries(OWN)) expect(model[command], command).toEqual(sorted(flagsOf(command, own)));
  });

  it('every command of the one table takes --debug and --no-cli-pager, as the AWS CLI does', () => {
    for (const flags of Object.values(COMMAND_GLOBALS)) expect(flags).toEqual(expect.arrayContaining(['--debug', '--no-cli-pager']));
  });
});

describe('the same clear error on every command', () => {
  const commands = [['create'], ['status'], ['list'], ['delete', 'abc'], ['cleanup'], ['history'], ['presets', 'list'], ['policy', 'check']];

  it('an unknown flag: the flag, a suggestion, and the command\'s help as the fix (252)', async () => {
    for (const command of commands) {
      const name = command[0] === 'presets' || command[0] === 'policy' ? command.join(' ') : command[0]!;
      const result = await runBinary([...command, '--regoin', 'x'], home.env);
      expect(result.code, name).toBe(252);
      const takes = OWN[name] ? flagsOf(name, OWN[name]) : globalFlagsOf('create').map((option) => option.flag);
      const suggestion = takes.includes('--region') ? ' Did you mean --region?' : '';
      expect(result.stderr, name).toContain(`healthlake-wizard: --regoin: Unknown flag --regoin.${suggestion}\n  Fix: Run healthlake-wizard ${name} --help for the list of flags.`);
    }
  });

  it('a global option of another command is named as such, on every command that does not take it', async () => {
    const history = await runBinary(['history', '--region', 'us-east-1'], home.env);
    expect(history.code).toBe(252);
    expect(history.stderr).toContain('healthlake-wizard: --region: history does not take --region, an AWS CLI global option of create, status, list, delete and cleanup.');
    expect(history.stderr).toContain('Fix: Remove it; run healthlake-wizard history --help for the list of flags.');
    const presets = await runBinary(['presets', 'list', '--profile', 'dev'], home.env);
    expect(presets.stderr).toContain('presets list does not take --profile, an AWS CLI global option of create, status, list, delete and cleanup.');
    const status = await runBinary(['status', '--cli-binary-format', 'base64'], home.env);
    expect(status.code).toBe(252);
    expect(status.stderr).toContain('status does not take --cli-binary-format, an AWS CLI global option of create.');
  });

  it('a bad global value is worded the same by create and the commands that talk to HealthLake', async () => {
    for (const command of [['create', '--no-interactive'], ['status'], ['list'], ['delete', 'abc', '--yes']]) {
      const timeout = await runBinary([...command, '--cli-read-timeout', '1.5'], home.env);
      expect(timeout.code, command[0]).toBe(252);
      expect(timeout.stderr, command[0]).toContain('--cli-read-timeout: --cli-read-timeout must be a whole number of seconds. Got "1.5".\n  Fix: Use for example --cli-read-timeout 30 (0 waits forever).');
      const output = await runBinary([...command, '--output', 'xml'], home.env);
      expect(output.code, command[0]).toBe(252);
      expect(output.stderr, command[0]).toContain('--output: --output must be one of json, yaml, yaml-stream, text, table.');
    }
  });

  it('parses in-process to the same InputError', () => {
    const error = (() => {
      try {
        parseCommandArgs('history', ['--endpoint-url', 'http://127.0.0.1:1'], HISTORY_FLAGS, false);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]).toMatchObject({ flag: '--endpoint-url', rule: 'syntax' });
  });
});
