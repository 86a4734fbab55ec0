/** Options shared by the commands: the AWS CLI's global options that make sense here, and our own. */
import type { ExportFormatName } from './request/export-formats.js';

/** Output formats, as the AWS CLI's `--output`. */
export type OutputFormat = 'json' | 'yaml' | 'yaml-stream' | 'text' | 'table';

/** The AWS CLI global options we accept (same spelling and meaning). */
export interface GlobalOptions {
  region?: string;
  profile?: string;
  endpointUrl?: string;
  noVerifySsl?: boolean;
  caBundle?: string;
  /** Seconds; 0 means no time-out, as in the AWS CLI. */
  cliReadTimeout?: number;
  /** Seconds; 0 means no time-out, as in the AWS CLI. */
  cliConnectTimeout?: number;
  output?: OutputFormat;
  query?: string;
  color?: 'on' | 'off' | 'auto';
  debug?: boolean;
  noSignRequest?: boolean;
  noCliPager?: boolean;
  /** `--no-paginate`: accepted as the AWS CLI does; nothing here answers in pages. */
  noPaginate?: boolean;
  /** `--cli-binary-format`: accepted as the AWS CLI does; no parameter is a blob. */
  cliBinaryFormat?: 'base64' | 'raw-in-base64-out';
  /** Run against the built-in emulator, started in-process, instead of AWS. */
  sandbox?: boolean;
}

/** What `create` accepts besides the request parameters. */
export interface CreateOptions extends GlobalOptions {
  /** `--no-interactive` or `--no-cli-auto-prompt`; `--cli-auto-prompt` sets it back to false. */
  noInteractive?: boolean;
  /** `--plain` (or `TERM=dumb`): ask line by line, without cursor movement or redraws. */
  plain?: boolean;
  dryRun?: boolean;
  preset?: string;
  /** `--from-datastore ID`: start from an existing data store's settings and tags. */
  fromDatastore?: string;
  savePreset?: string;
  /** `--export FORMAT`: print the request in this format instead of sending it. */
  export?: ExportFormatName;
  /** `--export-file PATH`: write the export to this new file instead of standard output. */
  exportFile?: string;
  /** `--expires-in DURATION`, in milliseconds: tag the data store with the time it expires. */
  expiresInMs?: number;
  /** `--wait` / `--no-wait`; undefined means the command's default. */
  wait?: boolean;
  generateCliSkeleton?: 'input' | 'yaml-input' | 'output';
  /**
   * `--preflight` / `--no-preflight`: the pre-flight checks. Undefined: the default, which runs them before sending
   * (and in the wizard's review) but not for a dry run.
   */
  preflight?: boolean;
  /** `--no-journal`: send without journaling the ClientToken (also when the local store cannot be opened). */
  noJournal?: boolean;
  /** `--help`: print the command's help and exit. */
  help?: boolean;
  /** `--version`: print the version and exit. */
  version?: boolean;
}

/** Exit codes, as the AWS CLI uses them. */
export const EXIT = {
  ok: 0,
  interrupted: 130,
  /** Invalid command line or parameter value. */
  usage: 252,
  /** Environment or configuration invalid: no credentials, no region, unreadable config. */
  config: 253,
  /** The service answered with an error, or the data store ended CREATE_FAILED. */
  service: 254,
  /** Any other failure. */
  other: 255,
} as const;

/** The signals that stop a run early, with the exit code a shell gives for each (128 + the signal's number). */
export const STOP_SIGNALS = { SIGINT: EXIT.interrupted, SIGTERM: 143, SIGHUP: 129 } as const;

/** A signal of STOP_SIGNALS. */
export type StopSignal = keyof typeof STOP_SIGNALS;
