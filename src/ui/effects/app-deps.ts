/** The side effects the app receives (STYLE: injected, so tests and the status command can swap them). */
import type { HealthLakeGateway, KmsKeyChoice, LambdaFunctionChoice, ProfileEntry, ResourceListing, TargetChoice, TargetReport } from '../../aws/types.js';
import type { CreateRequest } from '../../request/types.js';
import type { PreflightResult, SmartConfigurationAnswer } from '../../aws/preflight/types.js';
import type { HistoryEntry, WizardStore } from '../../store/types.js';

/** The target's resources the wizard's pickers offer; each listed once, when first asked for. */
export interface ResourceSource {
  kmsKeys: () => Promise<ResourceListing<KmsKeyChoice>>;
  lambdaFunctions: () => Promise<ResourceListing<LambdaFunctionChoice>>;
  /** An issuer's `.well-known/smart-configuration`, for the SMART metadata builder's prefill; never rejects. */
  smartConfiguration?: (issuer: string, signal: AbortSignal) => Promise<SmartConfigurationAnswer>;
}

/** A gateway, the check of its target, and how to release what it holds (the sandbox emulator). */
export interface Connection {
  gateway: HealthLakeGateway;
  /** Resolves the Region and credentials and asks STS who they are (unless `identity` is false); never rejects. */
  checkTarget: (options?: { identity?: boolean }) => Promise<TargetReport>;
  /** The pickers' lists, from the chosen target; absent where nothing can be listed (the pickers then take free text). */
  resources?: ResourceSource;
  /** The pre-flight checks of a request against the chosen target, each result as it finishes; absent where they do not run. */
  preflight?: { run: (request: CreateRequest, signal: AbortSignal) => AsyncIterable<PreflightResult> };
  close: () => Promise<void>;
  /** Whose the credentials are (STS), for the team policy's rules on accounts; absent in the sandbox. */
  callerAccount?: () => Promise<string>;
}

/**
 * Everything the app needs from the outside world. The factories are lazy: called after the first frame. Each is
 * a function property, not a method, so that it can be handed on alone (`deps.now`) without its object.
 */
export interface AppDeps {
  /**
   * Connects to the chosen target (AWS or the sandbox); loads the AWS SDK (and starts the emulator) only when
   * called. With `where`, a data store of the local history: connects where it was created (its Region, profile,
   * endpoint, or the sandbox; the command line's flags win).
   */
  connect: (choice: TargetChoice, store: WizardStore | undefined, where?: HistoryEntry) => Promise<Connection>;
  /** The profiles of the AWS config and credentials files, for the target picker; loads the SDK's file reader. */
  listProfiles: () => Promise<ProfileEntry[]>;
  /** Opens the local store; undefined when it is unavailable (the wizard goes on without it). */
  openStore: () => Promise<WizardStore | undefined>;
  /** Whether AWS credentials seem configured (offline check). */
  detectCredentials: () => Promise<{ found: boolean; source?: string }>;
  /** What `--dry-run` prints for the request (as the non-interactive dry run prints it); loads its renderers when called. */
  renderDryRun: (request: CreateRequest) => Promise<string>;
  /** A line for stderr, printed after the last frame (e.g. "saved preset"). */
  report: (line: string) => void;
  /** The clock (ms since epoch). */
  now: () => number;
  /** Writes text to a new file in the current directory (never over an existing one); returns its path. */
  writeFile: (fileName: string, text: string) => string;
  /** Rings the terminal bell. */
  ring: () => void;
  /** The one place the app ends: the exit code and lines to print after the last frame. */
  exit: (code: number, farewell?: string) => void;
}
