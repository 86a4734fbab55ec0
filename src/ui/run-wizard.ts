/** `runWizard`: the interactive `create`. Ink renders first; the AWS layer and the store load after the first frame. */
import { LineCollector, renderApp } from './render-app.js';
import type { RunWizardInput } from '../wizard-flow/wizard-input.js';


/** Runs the wizard on the terminal; resolves with the exit code (0 ACTIVE, 254 CREATE_FAILED, 130 Ctrl+C). */
export async function runWizard({ initial, given, options, policy }: RunWizardInput): Promise<number> {
  const later = new LineCollector();
  return renderApp(
    // A dry run gets no generated ClientToken (needsClientToken): it prints what `--no-interactive --dry-run` prints
    // for the same input.
    {
      mode: 'wizard',
      flow: { initial, given, sandbox: options.sandbox ?? false, dryRun: options.dryRun ?? false, ...(policy ? { policy } : {}), ...(options.preset ? { preset: options.preset } : {}) },
      options,
      newClientToken: () => crypto.randomUUID(),
    },
    {
      async connect(choice, store) {
        const [{ checkSessionTarget, debugLogFor, openSession, optionsForChoice }, { wizardAccountFor }] = await Promise.all([import('../aws/session.js'), import('../aws/wizard-account.js')]);
        const chosen = optionsForChoice(options, choice);
        const debug = options.debug ? debugLogFor(options, later) : undefined;
        // The wizard journals as `create --no-interactive` does: no journal, no sending, unless --no-journal.
        // `--debug` lines wait with the other notices until the wizard gives the screen back.
        const session = await openSession(chosen, store, {
          journal: options.noJournal ? 'skip' : 'required',
          warn: (message) => later.write(`healthlake-wizard: warning: ${message}\n`),
          ...(debug ? { debug } : {}),
          stderr: later,
        });
        // The pickers and the review's checks ask where the gateway sends: the chosen target, or the sandbox's emulator.
        const account = wizardAccountFor(session, chosen);
        const callerAccount = async () => (await import('../aws/caller-account.js')).callerAccount(chosen);
        return {
          gateway: session.gateway,
          checkTarget: (check) => checkSessionTarget(session, chosen, { ...check, ...(debug ? { debug } : {}) }),
          resources: { kmsKeys: account.kmsKeys, lambdaFunctions: account.lambdaFunctions, smartConfiguration: account.smartConfiguration },
          // --no-preflight: no checks run (the review says they were skipped).
          ...(options.preflight === false ? {} : { preflight: { run: account.preflight } }),
          close: async () => {
            account.close();
            await session.close();
          },
          ...(choice.sandbox ? {} : { callerAccount }),
        };
      },
      async listProfiles() {
        const { listProfiles } = await import('../aws/target-check.js');
        // The Region each would use, and where it comes from: --region and the environment win over the profile's.
        const env = process.env;
        const from = options.region ? '--region' : env.AWS_REGION ? 'AWS_REGION' : env.AWS_DEFAULT_REGION ? 'AWS_DEFAULT_REGION' : undefined;
        return (await listProfiles(options)).map((entry) =>
          from ? { ...entry, region: options.region ?? entry.region, regionFrom: from } : entry.region ? { ...entry, regionFrom: 'its config' } : entry,
        );
      },
      async openStore() {
        const { openLocalStore } = await import('../aws/session.js');
        return openLocalStore(later, options.noJournal ? 'going on without it' : 'presets, history and resuming were unavailable, and nothing could be sent without --no-journal');
      },
      async detectCredentials() {
        const { detectCredentials } = await import('../aws/detect-credentials.js');
        return detectCredentials();
      },
    },
    later,
  );
}
