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

/** The command's help screen. */
export const EMULATOR_HELP = `Usage: healthlake-wizard emulator [options]

A local Amazon HealthLake control plane on 127.0.0.1, for trying the wizard and the AWS CLI without an account.

Options:
  --port N                   port to listen on; 0 (the default) picks a free one
  --host 127.0.0.1           address to listen on (only 127.0.0.1)
  --region R                 emulated region; requests must be signed for it (default us-east-1)
  --account-id ID            12-digit account id in ARNs (default 123456789012)
  --create-delay-ms N        CREATING -> ACTIVE after N ms (default 3000)
  --delete-delay-ms N        DELETING -> DELETED after N ms (default 3000)
  --state FILE               keep data stores in FILE across restarts
  --fixtures FILE            the KMS keys and Lambda functions to serve (JSON; see docs/emulator.md);
                             default: the sandbox's set (alias/sandbox-usable, ...)
  --throttle-rate X          answer ThrottlingException to a share X (0..1) of requests
  --error-rate X             answer InternalServerException (500) to a share X of requests
  --reset-rate X             drop the connection of a share X of requests
  --latency-ms N             add N ms before each answer
  --lose-create-response N   create the next N data stores, then drop the connection instead of answering
  --seed N                   seed for the fault rates (repeatable runs)
  --access-key-id ID         accept this access key instead of the sandbox one (with --secret-access-key)
  --secret-access-key KEY    its secret
  --no-verify-signatures     accept unsigned or wrongly signed requests
  --help                     this help

KMS (DescribeKey, ListKeys, ListAliases, GetKeyPolicy, ListGrants) and Lambda (GetFunction, ListFunctions,
GetPolicy) answer on the same port. A creation with a key or token Lambda HealthLake could not use ends
CREATE_FAILED; in the default set: alias/sandbox-no-grant (also alias/healthlake-wizard-fail),
alias/sandbox-disabled, alias/sandbox-asymmetric, function sandbox-token-decoder-no-permission.
`;

/** What the command line asked for. */
export type EmulatorCommand = { help: true } | { help: false; options: EmulatorOptions };

/** The emulator command's flags that take a value (read by the parser and by the shell completion). */
export const VALUE_FLAGS = [
  '--port', '--host', '--region', '--account-id', '--create-delay-ms', '--delete-delay-ms', '--state', '--fixtures',
  '--throttle-rate', '--error-rate', '--reset-rate', '--latency-ms', '--lose-create-response', '--seed',
  '--access-key-id', '--secret-access-key',
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

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
