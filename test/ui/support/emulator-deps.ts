/** AppDeps wired to the real gateway against a real emulator on 127.0.0.1, plus a way to await the exit. */
import { createGateway } from '../../../src/aws/gateway.js';
import { wizardAccountFor } from '../../../src/aws/wizard-account.js';
import { SANDBOX_CREDENTIALS, startEmulator } from '../../../src/emulator/index.js';
import type { RunningEmulator } from '../../../src/emulator/types.js';
import { reportTarget } from '../../../src/aws/target-check.js';
import type { HealthLakeGateway, ProfileEntry, TargetChoice, TargetReport } from '../../../src/aws/types.js';
import type { HistoryEntry, WizardStore } from '../../../src/store/types.js';
import type { AppDeps } from '../../../src/ui/app.js';
import { writeNewFile } from '../../../src/store/write-new-file.js';

/** Deps plus what the test inspects. */
export interface TestDeps extends AppDeps {
  exited: Promise<{ code: number; farewell?: string }>;
  rings: number;
  connectedSandbox: boolean[];
  /** Every target connected to, in order. */
  connected: TargetChoice[];
  /** The history entry each connection was asked for (`status` picking a data store of the history). */
  connectedWhere: (HistoryEntry | undefined)[];
  /** Lines the app left for stderr. */
  reports: string[];
}

/** Starts an emulator with a short creation delay. */
export function startTestEmulator(createDelayMs = 150): Promise<RunningEmulator> {
  return startEmulator({ createDelayMs });
}

/** Deps whose gateway is the real one, pointed at the emulator (both "AWS" and "sandbox" go there). */
export function emulatorDeps(
  emulator: RunningEmulator | undefined,
  options: {
    store?: WizardStore;
    credentialsFound?: boolean;
    gateway?: HealthLakeGateway;
    /** The gateway for each target choice (instead of `gateway` or the emulator's). */
    gatewayFor?: (choice: TargetChoice, store: WizardStore | undefined) => HealthLakeGateway;
    writeDir?: string;
    /** The target check's answer for each choice; by default the emulator's STS answers (or, without one, an identity). */
    report?: (choice: TargetChoice) => TargetReport | Promise<TargetReport>;
    profiles?: ProfileEntry[];
    /**
     * The pickers list the emulator's KMS keys and Lambda functions, and the review runs the pre-flight checks
     * there (signed with these credentials); else the pickers take free text and no checks run.
     */
    resources?: { credentials: { accessKeyId: string; secretAccessKey: string } };
  } = {},
): TestDeps {
  let resolveExit: (value: { code: number; farewell?: string }) => void = () => undefined;
  const exited = new Promise<{ code: number; farewell?: string }>((resolve) => (resolveExit = resolve));
  const deps: TestDeps = {
    exited,
    rings: 0,
    connectedSandbox: [],
    connected: [],
    connectedWhere: [],
    reports: [],
    async connect(choice, store, where) {
      deps.connectedSandbox.push(choice.sandbox);
      deps.connected.push(choice);
      deps.connectedWhere.push(where);
      const gateway =
        options.gatewayFor?.(choice, store) ??
        options.gateway ??
        createGateway(
          { endpointUrl: emulator!.url, region: choice.region ?? emulator!.region },
          {
            credentials: { accessKeyId: SANDBOX_CREDENTIALS.accessKeyId, secretAccessKey: SANDBOX_CREDENTIALS.secretAccessKey },
            ...(store ? { store } : {}),
            schedule: { afterCheck: () => 50, afterError: () => 50 },
          },
        );
      const credentials = { accessKeyId: SANDBOX_CREDENTIALS.accessKeyId, secretAccessKey: SANDBOX_CREDENTIALS.secretAccessKey };
      const checkTarget = async ({ identity = true }: { identity?: boolean } = {}): Promise<TargetReport> => {
        if (options.report) return options.report(choice);
        if (emulator) return reportTarget(gateway, { endpointUrl: emulator.url, region: emulator.region }, { credentials, identity });
        return { ok: true, target: await gateway.target(), identity: { account: '111122223333', arn: 'arn:aws:iam::111122223333:user/tester', name: 'tester' } };
      };
      if (!options.resources) return { gateway, checkTarget, close: async () => undefined };
      // The emulator in the role it plays for the sandbox: its endpoint, Region and these credentials win.
      const at = { endpointUrl: emulator!.url, region: emulator!.region, sandbox: true };
      const standIn = { options: at, credentials: options.resources.credentials, url: emulator!.url, notices: [], stop: async () => undefined };
      const account = wizardAccountFor({ gateway, sandbox: standIn }, at, { env: {}, maxAttempts: 1 });
      return {
        gateway,
        checkTarget,
        resources: { kmsKeys: account.kmsKeys, lambdaFunctions: account.lambdaFunctions, smartConfiguration: account.smartConfiguration },
        preflight: { run: account.preflight },
        close: async () => account.close(),
      };
    },
    listProfiles: async () => options.profiles ?? [],
    openStore: async () => options.store,
    detectCredentials: async () => ({ found: options.credentialsFound ?? true }),
    renderDryRun: async (request) => {
      const { renderDryRun } = await import('../../../src/cli-output/render-output.js');
      return renderDryRun({ ...request }, {});
    },
    report: (line) => {
      deps.reports.push(line);
    },
    now: Date.now,
    writeFile: (fileName, text) => {
      if (!options.writeDir) throw new Error('pass writeDir to emulatorDeps to let the app write files');
      return writeNewFile(options.writeDir, fileName, text);
    },
    ring: () => {
      deps.rings += 1;
    },
    exit: (code, farewell) => resolveExit({ code, ...(farewell ? { farewell } : {}) }),
  };
  return deps;
}
