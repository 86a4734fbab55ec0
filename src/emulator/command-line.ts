/**
 * `healthlake-wizard emulator` flags -> startEmulator options. Pure and light (no server code), so that the
 * command module can parse and print help without loading the emulator.
 */
import type { EmulatorOptions } from './types.js';

/** A bad flag: names the flag, the rule and the fix. */
export class EmulatorUsageError extends Error {
  constructor(
    readonly flag: string,
    message: string,
    readonly fix: string,
  ) {
    super(`${flag}: ${message}\n  Fix: ${fix}`);
    this.name = 'EmulatorUsageError';
  }
}

/** One flag of the emulator command: its value's name (none for a switch) and what it does. */
interface EmulatorFlag {
  flag: string;
  value?: string;
  /** A file path (completed as one). */
  file?: boolean;
  help: string;
}

/** The emulator command's flags: the parser, its help and the shell completion read them from here. */
export const EMULATOR_FLAGS = [
  { flag: '--port', value: 'N', help: 'port to listen on; 0 (the default) picks a free one' },
  { flag: '--host', value: '127.0.0.1', help: 'address to listen on (only 127.0.0.1)' },
  { flag: '--region', value: 'R', help: 'emulated Region; requests must be signed for it (default us-east-1)' },
  { flag: '--account-id', value: 'ID', help: '12-digit account id in ARNs (default 123456789012)' },
  { flag: '--create-delay-ms', value: 'N', help: 'CREATING -> ACTIVE after N ms (default 3000)' },
  { flag: '--delete-delay-ms', value: 'N', help: 'DELETING -> DELETED after N ms (default 3000)' },
  { flag: '--state', value: 'FILE', file: true, help: 'keep data stores in FILE across restarts' },
  { flag: '--fixtures', value: 'FILE', file: true, help: "the KMS keys and Lambda functions to serve (JSON; see docs/emulator.md); default: the sandbox's set (alias/sandbox-usable, ...)" },
  { flag: '--throttle-rate', value: 'X', help: 'answer ThrottlingException to a share X (0..1) of requests' },
  { flag: '--error-rate', value: 'X', help: 'answer InternalServerException (500) to a share X of requests' },
  { flag: '--reset-rate', value: 'X', help: 'drop the connection of a share X of requests' },
  { flag: '--latency-ms', value: 'N', help: 'add N ms before each answer' },
  { flag: '--lose-create-response', value: 'N', help: 'create the next N data stores, then drop the connection instead of answering' },
  { flag: '--seed', value: 'N', help: 'seed for the fault rates (repeatable runs)' },
  { flag: '--access-key-id', value: 'ID', help: 'accept this access key instead of the sandbox one (with --secret-access-key)' },
  { flag: '--secret-access-key', value: 'KEY', help: 'its secret' },
  { flag: '--no-verify-signatures', help: 'accept unsigned or wrongly signed requests' },
  { flag: '--help', help: 'this help' },
] as const satisfies readonly EmulatorFlag[];

/** The command's help screen (the caller fits it to the terminal). */
export const EMULATOR_HELP = `Usage: healthlake-wizard emulator [options]

A local Amazon HealthLake control plane on 127.0.0.1, for trying the wizard and the AWS CLI without an account.

Options:
${EMULATOR_FLAGS.map((option: EmulatorFlag) => `  ${`${option.flag} ${option.value ?? ''}`.trimEnd().padEnd(25)}  ${option.help}`).join('\n')}

KMS (DescribeKey, ListKeys, ListAliases, GetKeyPolicy, ListGrants) and Lambda (GetFunction, ListFunctions,
GetPolicy) answer on the same port. A creation with a key or token Lambda HealthLake could not use ends
CREATE_FAILED; in the default set: alias/sandbox-no-grant (also alias/healthlake-wizard-fail),
alias/sandbox-disabled, alias/sandbox-asymmetric, function sandbox-token-decoder-no-permission.
`;

/** What the command line asked for. */
export type EmulatorCommand = { help: true } | { help: false; options: EmulatorOptions };

type ValueFlag = Extract<(typeof EMULATOR_FLAGS)[number], { value: string }>['flag'];

/** The emulator command's flags that take a value. */
export const VALUE_FLAGS: readonly ValueFlag[] = EMULATOR_FLAGS.flatMap((option: EmulatorFlag) => (option.value === undefined ? [] : [option.flag as ValueFlag]));

function wholeNumber(flag: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max) throw new EmulatorUsageError(flag, `must be a whole number from 0 to ${max}; got ${JSON.stringify(text)}.`, `Give for example ${flag} 0.`);
  return value;
}

function rate(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new EmulatorUsageError(flag, `must be a number from 0 to 1; got ${JSON.stringify(text)}.`, `Give a probability, for example ${flag} 0.2.`);
  }
  return value;
}

/** Parses the flags after `emulator`. */
export function parseEmulatorArgs(argv: readonly string[]): EmulatorCommand {
  const values = new Map<ValueFlag, string>();
  let verifySignatures = true;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--no-verify-signatures') {
      verifySignatures = false;
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) {
      throw new EmulatorUsageError(arg, 'is not an option of the emulator command.', 'Run healthlake-wizard emulator --help for the options.');
    }
    const value = inline ?? argv[(index += 1)];
    if (value === undefined) throw new EmulatorUsageError(name, 'needs a value.', `Give ${name} VALUE.`);
    values.set(name as ValueFlag, value);
  }

  const options: EmulatorOptions = { verifySignatures };
  const get = (flag: ValueFlag) => values.get(flag);
  if (get('--port') !== undefined) options.port = wholeNumber('--port', get('--port')!, 65535);
  const host = get('--host');
  if (host !== undefined && host !== '127.0.0.1') {
    throw new EmulatorUsageError('--host', `must be 127.0.0.1; got ${JSON.stringify(host)}.`, 'The emulator only listens on the loopback address; leave --host out.');
  }
  const region = get('--region');
  if (region !== undefined) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new EmulatorUsageError('--region', `must be a region code; got ${JSON.stringify(region)}.`, 'Give for example --region us-east-1.');
    options.region = region;
  }
  const accountId = get('--account-id');
  if (accountId !== undefined) {
    if (!/^\d{12}$/.test(accountId)) throw new EmulatorUsageError('--account-id', `must be 12 digits; got ${JSON.stringify(accountId)}.`, 'Give for example --account-id 123456789012.');
    options.accountId = accountId;
  }
  if (get('--create-delay-ms') !== undefined) options.createDelayMs = wholeNumber('--create-delay-ms', get('--create-delay-ms')!);
  if (get('--delete-delay-ms') !== undefined) options.deleteDelayMs = wholeNumber('--delete-delay-ms', get('--delete-delay-ms')!);
  if (get('--state') !== undefined) options.statePath = get('--state')!;
  if (get('--fixtures') !== undefined) options.fixturesPath = get('--fixtures')!;

  const faults: NonNullable<EmulatorOptions['faults']> = {};
  if (get('--throttle-rate') !== undefined) faults.throttleRate = rate('--throttle-rate', get('--throttle-rate')!);
  if (get('--error-rate') !== undefined) faults.errorRate = rate('--error-rate', get('--error-rate')!);
  if (get('--reset-rate') !== undefined) faults.resetRate = rate('--reset-rate', get('--reset-rate')!);
  if (get('--latency-ms') !== undefined) faults.latencyMs = wholeNumber('--latency-ms', get('--latency-ms')!);
  if (get('--lose-create-response') !== undefined) faults.loseCreateResponse = wholeNumber('--lose-create-response', get('--lose-create-response')!);
  if (get('--seed') !== undefined) faults.seed = wholeNumber('--seed', get('--seed')!, 2 ** 32 - 1);
  if (Object.keys(faults).length > 0) options.faults = faults;

  const accessKeyId = get('--access-key-id');
  const secretAccessKey = get('--secret-access-key');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    const missing = accessKeyId === undefined ? '--access-key-id' : '--secret-access-key';
    throw new EmulatorUsageError(missing, 'is required with the other half of the key pair.', 'Give both --access-key-id and --secret-access-key, or neither (to use the sandbox pair).');
  }
  if (accessKeyId !== undefined && secretAccessKey !== undefined) options.credentials = [{ accessKeyId, secretAccessKey }];
  return { help: false, options };
}
