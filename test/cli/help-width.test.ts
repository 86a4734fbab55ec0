/** Every command's --help, from the built binary: within 80 columns, and naming every flag its parser accepts. */
import { describe, expect, it } from 'vitest';
import { flagsOf } from '../../src/commands/command-args.js';
import { FLAGS as DELETE_FLAGS } from '../../src/commands/delete.js';
import { HISTORY_FLAGS } from '../../src/commands/history.js';
import { FLAGS as LIST_FLAGS } from '../../src/commands/list.js';
import { FLAGS as STATUS_FLAGS } from '../../src/commands/status/status.js';
import { commandModel } from '../../src/completion/command-model.js';
import { COMMAND_LIST } from '../../src/request/command-list.js';
import { OPTION_FLAGS } from '../../src/request/create-flags.js';
import { PARAMETERS } from '../../src/parameter-model/index.js';
import { overlongHelpLines } from '../support/help-lines.js';
import { requireBuild, runBinary } from './built-binary.js';

requireBuild();

const COMMANDS: Record<string, { args: string[]; flags: string[] }> = {
  default: { args: ['--help'], flags: [...PARAMETERS.map((p) => p.flag), ...OPTION_FLAGS.map((o) => o.flag)] },
  status: { args: ['status', '--help'], flags: flagsOf('status', STATUS_FLAGS) },
  list: { args: ['list', '--help'], flags: flagsOf('list', LIST_FLAGS) },
  delete: { args: ['delete', '--help'], flags: flagsOf('delete', DELETE_FLAGS) },
  history: { args: ['history', '--help'], flags: flagsOf('history', HISTORY_FLAGS) },
  presets: { args: ['presets', '--help'], flags: ['--output', '--description', '--file', '--name', '--force'] },
  completion: { args: ['completion', '--help'], flags: [] },
  man: { args: ['man', '--help'], flags: [] },
  emulator: {
    args: ['emulator', '--help'],
    flags: ['--port', '--host', '--region', '--account-id', '--create-delay-ms', '--delete-delay-ms', '--state', '--throttle-rate', '--error-rate', '--reset-rate', '--latency-ms', '--lose-create-response', '--seed', '--access-key-id', '--secret-access-key', '--no-verify-signatures'],
  },
};

describe('--help of every command', () => {
  for (const [name, { args, flags }] of Object.entries(COMMANDS)) {
    it(`${name}: exits 0, fits 80 columns and names each of its flags`, async () => {
      const result = await runBinary(args, {});
      expect(result.code).toBe(0);
      expect(overlongHelpLines(result.stdout, 80)).toEqual([]);
      for (const flag of flags) expect(result.stdout).toMatch(new RegExp(`${flag}\\b`));
    });
  }

  it('lists the commands there are: the command model\'s, each with its summary, and each answers --help', async () => {
    const { stdout } = await runBinary(['--help'], {});
    const running = stdout.replace(/\s+/g, ' ');
    const listed = COMMAND_LIST.map((command) => command.name);
    // Every command of the model (completions, man page) is a listed one or a subcommand of a listed group.
    for (const command of commandModel()) expect(listed.some((name) => command.name === name || command.name.startsWith(`${name} `) || name.startsWith(`${command.name} `) || command.name.split(' ')[0] === name)).toBe(true);
    for (const { name, summary } of COMMAND_LIST) {
      expect(running).toContain(summary);
      const help = await runBinary([...name.split(' '), '--help'], {});
      expect([name, help.code]).toEqual([name, 0]);
    }
  });

  it('`help`, `create help`, `-h` and `create -h` print the same help and exit 0, as --help does', async () => {
    const { stdout: expected } = await runBinary(['--help'], {});
    for (const args of [['help'], ['create', 'help'], ['-h'], ['create', '-h']]) {
      const result = await runBinary(args, {});
      expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: '' });
      expect(result.stdout).toBe(expected);
    }
    // `help COMMAND` is that command's --help.
    for (const command of ['status', 'history', 'presets']) {
      const [asked, direct] = await Promise.all([runBinary(['help', command], {}), runBinary([command, '--help'], {})]);
      expect({ code: asked.code, stdout: asked.stdout }).toEqual({ code: 0, stdout: direct.stdout });
    }
  });

  it('the default help lists the commands and points to their own help', async () => {
    const { stdout } = await runBinary(['--help'], {});
    for (const command of ['create', 'status', 'list', 'delete', 'history', 'presets', 'emulator']) expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    expect(stdout).toContain('healthlake-wizard <command> --help');
  });
});
