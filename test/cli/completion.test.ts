/**
 * `completion bash|zsh|fish` and `man`, from the built binary: the bash script driven by real bash (`complete`,
 * the completion function, `compgen`) with preset names from a real store; the man page rendered by groff; and
 * every flag the model lists accepted by the real command (so the scripts and the page offer nothing that fails).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandModel, topLevelCommands, type FlagModel } from '../../src/completion/command-model.js';
import { OUTPUT_FORMATS } from '../../src/request/create-flags.js';
import { PARAMETERS } from '../../src/parameter-model/index.js';
import { BIN } from '../support/pty-terminal.js';
import { emptyHome, requireBuild, runBinary } from './built-binary.js';

const model = commandModel();
let home: ReturnType<typeof emptyHome>;
let script = '';

/** Whether a program is on PATH. */
const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

beforeAll(async () => {
  requireBuild();
  home = emptyHome();
  for (const name of ['clinic-r4', 'team-b']) {
    expect((await runBinary(['presets', 'save', name, '--datastore-type-version', 'R4'], home.env)).code).toBe(0);
  }
  // The scripts call `healthlake-wizard` by name: a shim on PATH runs the built one with this home.
  const bin = join(home.home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'healthlake-wizard'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'healthlake-wizard'), 0o755);
  const generated = await runBinary(['completion', 'bash'], home.env);
  expect(generated.code).toBe(0);
  script = join(home.home, 'healthlake-wizard.bash');
  writeFileSync(script, generated.stdout);
}, 60_000);
afterAll(() => home?.remove());

/** What bash completes for the words typed so far (the last one being completed), as a person pressing Tab. */
function complete(...words: string[]): string[] {
  const driver = `
source ${JSON.stringify(script)}
spec=$(complete -p healthlake-wizard) || exit 3
function=$(sed -n 's/.*-F \\([^ ]*\\).*/\\1/p' <<<"$spec")
COMP_WORDS=(healthlake-wizard "$@"); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
"$function"
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', driver, 'bash', ...words], {
    encoding: 'utf8',
    env: { ...home.env, PATH: `${join(home.home, 'bin')}:${process.env.PATH}` },
    timeout: 20_000,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.split('\n').filter(Boolean).sort();
}

const flagsOf = (name: string) => model.find((command) => command.name === name)!.flags;

describe('bash completion', () => {
  it('completes the commands, and the default command create\'s flags', () => {
    expect(complete('')).toEqual([...topLevelCommands(model)].sort());
    expect(complete('--datastore-type')).toEqual(['--datastore-type-version']);
    expect(complete('status', '--no-')).toEqual(flagsOf('status').map((flag) => flag.flag).filter((flag) => flag.startsWith('--no-')).sort());
  });

  it('completes the enum values of the spec and the choices of options', () => {
    const typeVersion = PARAMETERS.find((parameter) => parameter.flag === '--datastore-type-version')!;
    expect(complete('create', '--datastore-type-version', '')).toEqual(typeVersion.kind === 'enum' ? typeVersion.values.map((v) => v.value).sort() : []);
    expect(complete('status', '--output', 'y')).toEqual(OUTPUT_FORMATS.filter((format) => format.startsWith('y')).sort());
    expect(complete('history', '--output', '')).toEqual(['json', 'table', 'text']);
    expect(complete('completion', '')).toEqual(['bash', 'fish', 'zsh']);
  });

  it('completes preset names from the saved presets', () => {
    expect(complete('--preset', '')).toEqual(['clinic-r4', 'team-b']);
    expect(complete('create', '--preset', 'te')).toEqual(['team-b']);
    expect(complete('presets', '')).toEqual(['delete', 'export', 'import', 'list', 'rename', 'save', 'show']);
    expect(complete('presets', 'show', '')).toEqual(['clinic-r4', 'team-b']);
    // Only the first argument of show is a preset; after it come flags.
    expect(complete('presets', 'show', 'clinic-r4', '')).toEqual([]);
  });
});

describe('zsh and fish completion', () => {
  it.runIf(has('zsh'))('zsh: the script parses', async () => {
    const { stdout } = await runBinary(['completion', 'zsh'], home.env);
    expect(spawnSync('zsh', ['-n'], { input: stdout }).status).toBe(0);
  });
  it.runIf(has('fish'))('fish: the script parses', async () => {
    const { stdout } = await runBinary(['completion', 'fish'], home.env);
    expect(spawnSync('fish', ['--no-execute'], { input: stdout }).status).toBe(0);
  });
  it('both offer every command and flag of the model, and fish the values of a choice', async () => {
    const zsh = (await runBinary(['completion', 'zsh'], home.env)).stdout;
    const fish = (await runBinary(['completion', 'fish'], home.env)).stdout;
    expect(zsh).toContain('bashcompinit');
    for (const command of model) {
      for (const { flag } of command.flags) {
        expect(zsh).toContain(flag);
        expect(fish).toContain(`__healthlake_wizard_command "${command.name}"' -l ${flag.slice(2)}`);
      }
    }
    expect(fish).toMatch(/-l output -x -a 'json yaml yaml-stream text table'/);
  });
  it('a shell it has no script for is bad input, with the fix (252)', async () => {
    const result = await runBinary(['completion', 'powershell'], home.env);
    expect(result.code).toBe(252);
    expect(result.stderr).toContain('healthlake-wizard completion bash');
  });
});

/** A value the flag's parser accepts (none for a boolean): a request parameter's first example from the spec. */
function sampleValue({ flag, value }: FlagModel): string[] {
  if (value.kind === 'none') return [];
  if (value.kind === 'choice') return [value.choices[0]!];
  const parameter = PARAMETERS.find((p) => p.flag === flag);
  if (parameter) return parameter.kind === 'list' ? parameter.examples[0]!.split(' ') : [parameter.examples[0]!];
  if (value.kind === 'text' && value.name === 'duration') return ['4h'];
  return [flag === '--cli-input-json' ? '{}' : '1'];
}

describe('every flag the model lists', () => {
  it('says what it does (the man page and fish show it)', () => {
    const silent = model.flatMap((command) => command.flags.filter((flag) => flag.help.trim() === '').map((flag) => `${command.name} ${flag.flag}`));
    expect(silent).toEqual([]);
  });

  it('is accepted by its command (given at once, with --help)', async () => {
    for (const command of model.filter((c) => c.flags.length > 0)) {
      const positionals = command.synopsis.split(' ').filter((word) => /^[A-Z]+$/.test(word));
      // Left out: --cli-input-yaml and history's --no-sandbox exclude a flag given before them (--cli-input-json,
      // --sandbox-only), and --version answers before --help.
      const flags = command.flags.filter((flag) => !['--help', '--cli-input-yaml', '--no-sandbox', '--version'].includes(flag.flag));
      const args = [...command.name.split(' '), ...positionals, ...flags.flatMap((flag) => [flag.flag, ...sampleValue(flag)]), '--help'];
      const result = await runBinary(args, home.env);
      // --debug says which scripts it loaded; nothing else may be said.
      const stderr = result.stderr.split('\n').filter((line) => line && !line.startsWith('healthlake-wizard: code cache:'));
      expect({ command: command.name, code: result.code, stderr }).toEqual({ command: command.name, code: 0, stderr: [] });
    }
  }, 60_000);
});

describe('the man page', () => {
  it.runIf(has('groff'))('renders with groff without a warning, naming every command and parameter', async () => {
    const page = await runBinary(['man'], home.env);
    expect(page.code).toBe(0);
    const rendered = spawnSync('groff', ['-man', '-Tutf8', '-ww'], { input: page.stdout, encoding: 'utf8', env: { ...process.env, GROFF_NO_SGR: '1' } });
    expect(rendered.stderr).toBe('');
    // eslint-disable-next-line no-control-regex -- groff overstrikes bold with backspaces
    const text = rendered.stdout.replace(/.\x08/g, '').replace(/‐\n\s*/g, '');
    for (const heading of ['NAME', 'SYNOPSIS', 'COMMANDS', 'PARAMETERS', 'OPTIONS', 'EXIT STATUS']) expect(text).toMatch(new RegExp(`^${heading}$`, 'm'));
    const words = text.replace(/\s+/g, ' ');
    for (const command of model) expect(words).toContain(`healthlake-wizard ${command.name}`);
    for (const parameter of PARAMETERS) expect(words).toContain(parameter.flag);
  });

  it('is listed, with completion, in the default help', async () => {
    const help = (await runBinary(['--help'], home.env)).stdout;
    expect(help).toMatch(/^ {2}completion bash\|zsh\|fish /m);
    expect(help).toMatch(/^ {2}man /m);
  });
});
