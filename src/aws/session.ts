/**
 * What a non-interactive command needs to talk to HealthLake: a gateway (on the sandbox when asked), the local
 * store, and a `close()` that stops the sandbox. Also the shared "watch and print one line per change" loop.
 */
import { EXIT, STOP_SIGNALS, type GlobalOptions, type StopSignal } from '../options.js';
import type { WizardStore } from '../store/types.js';
import { formatFriendlyError, toFriendlyError } from './errors.js';
import { createGateway, type GatewayDeps } from './gateway.js';
import type { Sandbox } from './sandbox.js';
import type { HealthLakeGateway, StatusEvent, TargetChoice, TargetReport, WatchGoal } from './types.js';

// Opening the store needs no SDK: the plain mode opens it from there before its first question.
export { openLocalStore, tryOpenStore } from '../store/open-local-store.js';

/** A gateway ready to use, and how to release what it holds. */
export interface Session {
  gateway: HealthLakeGateway;
  store?: WizardStore;
  sandbox?: Sandbox;
  close(): Promise<void>;
}

/**
 * What a session's gateway is told besides the options: how to journal, where warnings go, retries (tests); and
 * where what the sandbox worked around on start goes (`stderr`: a collector that prints after the UI, for the wizard).
 */
export type SessionDeps = Pick<GatewayDeps, 'journal' | 'warn' | 'maxAttempts' | 'debug'> & { stderr?: NodeJS.WritableStream };

/** `--debug`'s log: lines on `stderr`, prefixed. */
export function debugLogFor(options: GlobalOptions, stderr: NodeJS.WritableStream = process.stderr): SessionDeps['debug'] {
  return options.debug ? (line) => stderr.write(`healthlake-wizard: debug: ${line}\n`) : undefined;
}

/** Opens a session: starts the sandbox when `options.sandbox`, else targets AWS as configured. */
export async function openSession(options: GlobalOptions, store?: WizardStore, { stderr = process.stderr, ...deps }: SessionDeps = {}): Promise<Session> {
  if (!options.sandbox) {
    return { gateway: createGateway(options, { ...deps, ...(store ? { store } : {}) }), ...(store ? { store } : {}), close: async () => {} };
  }
  // The emulator (HTTP server, SigV4 checks) is loaded only for the sandbox; a real AWS call never needs it.
  const { startSandbox } = await import('./sandbox.js');
  const sandbox = await startSandbox();
  for (const notice of sandbox.notices) stderr.write(`healthlake-wizard: sandbox: ${notice}\n`);
  // The sandbox's endpoint, region and credentials win over anything configured: nothing may reach AWS.
  const gateway = createGateway({ ...options, ...sandbox.options, profile: undefined, noSignRequest: false }, {
    ...deps,
    credentials: sandbox.credentials,
    ...(store ? { store } : {}),
  });
  return { gateway, sandbox, ...(store ? { store } : {}), close: () => sandbox.stop() };
}

/** The options for a target chosen in the wizard: its profile and Region win over the command line's. */
export function optionsForChoice<T extends GlobalOptions>(options: T, choice: TargetChoice): T {
  return { ...options, sandbox: choice.sandbox, ...(choice.profile ? { profile: choice.profile } : {}), ...(choice.region ? { region: choice.region } : {}) };
}

/**
 * The check of a session's target: its Region, profile and endpoint, and who its credentials are (the sandbox's
 * endpoint and keys in the sandbox); with `identity: false` only the target, STS not asked. Loads STS when called.
 */
export async function checkSessionTarget(session: Session, options: GlobalOptions, check: { identity?: boolean; debug?: SessionDeps['debug'] } = {}): Promise<TargetReport> {
  const { reportTarget } = await import('./target-check.js');
  const sandbox = session.sandbox;
  const deps = { identity: check.identity ?? true, ...(check.debug ? { debug: check.debug } : {}) };
  if (!sandbox) return reportTarget(session.gateway, options, deps);
  return reportTarget(session.gateway, { ...options, ...sandbox.options, profile: undefined }, { credentials: { ...sandbox.credentials }, ...deps });
}

function clock(date: Date): string {
  return date.toISOString().slice(11, 19);
}

/** One status event as a line for stderr, or undefined when nothing changed worth a line. */
export function describeEvent(event: StatusEvent, previous: string | undefined): string | undefined {
  switch (event.type) {
    case 'status':
      return event.properties.DatastoreStatus === previous
        ? undefined
        : `${clock(event.at)}  ${event.properties.DatastoreId}  ${event.properties.DatastoreStatus}`;
    case 'transient-error': {
      const seconds = Math.round((event.nextCheckAt.getTime() - event.at.getTime()) / 1000);
      return `${clock(event.at)}  temporary problem: ${event.error.message} Checking again in ${seconds}s.`;
    }
    case 'done': {
      if (event.outcome === 'active') return `${clock(event.at)}  ready: ${event.properties.DatastoreEndpoint}`;
      // The status line before it already said DELETED.
      if (event.outcome === 'deleted') return undefined;
      const cause = event.properties.ErrorCause;
      const why = cause?.ErrorMessage ? `: ${cause.ErrorMessage}${cause.ErrorCategory ? ` (${cause.ErrorCategory})` : ''}` : '';
      return `${clock(event.at)}  ${event.properties.DatastoreStatus}${why}`;
    }
  }
}

/**
 * Watches a data store, printing one line per status change to stderr. Returns the exit code: 0 when ACTIVE,
 * 254 when CREATE_FAILED/DELETED, the error's code on an error. Ctrl+C, SIGTERM and SIGHUP stop the watch only
 * (the data store keeps being created): the resume command is printed, and the code is the signal's (130, 143, 129).
 */
export async function watchToExitCode(
  gateway: HealthLakeGateway,
  datastoreId: string,
  io: {
    stderr: NodeJS.WritableStream;
    onEnd?: (event: Extract<StatusEvent, { type: 'done' }>) => void | Promise<void>;
    /** `deleted`: watch a deletion to DELETED (exit 0) instead of a creation to ACTIVE. */
    until?: WatchGoal;
  },
): Promise<number> {
  const controller = new AbortController();
  let stoppedBy: StopSignal = 'SIGINT';
  const stop = (signal: StopSignal) => {
    stoppedBy = signal;
    controller.abort();
  };
  const signals = Object.keys(STOP_SIGNALS) as StopSignal[];
  for (const signal of signals) process.once(signal, stop);
  let previous: string | undefined;
  try {
    for await (const event of gateway.watch(datastoreId, { signal: controller.signal, ...(io.until ? { until: io.until } : {}) })) {
      const line = describeEvent(event, previous);
      if (line) io.stderr.write(`${line}\n`);
      if (event.type === 'status') previous = event.properties.DatastoreStatus;
      if (event.type === 'done') {
        await io.onEnd?.(event);
        return event.outcome === 'failed' ? EXIT.service : EXIT.ok;
      }
    }
    const still = io.until === 'deleted' ? 'deleted' : 'created';
    io.stderr.write(`Stopped watching; the data store is still being ${still}. Check it with: healthlake-wizard status ${datastoreId}\n`);
    return STOP_SIGNALS[stoppedBy];
  } catch (error) {
    const friendly = toFriendlyError(error);
    io.stderr.write(formatFriendlyError(friendly));
    return friendly.exitCode;
  } finally {
    for (const signal of signals) process.off(signal, stop);
  }
}
