/**
 * The plain mode of `create` (`--plain`, or `TERM=dumb`): the wizard's flow asked line by line, for screen
 * readers, dumb terminals and editors' shells. Same spec, same flow reducer, same start choices, submission
 * and watcher as the wizard; only the words are written as lines: no cursor movement, no redraws, no Ink.
 */
import type { SmartConfigurationAnswer } from '../aws/preflight/types.js';
import type { Session } from '../aws/session.js';
import type { TargetReport } from '../aws/types.js';
import { EXIT, STOP_SIGNALS, type CreateOptions } from '../options.js';
import { InputError } from '../request/issues.js';
import { readParamFile } from '../request/param-files.js';
import { writeStdout } from '../stdout.js';
import type { WizardStore } from '../store/types.js';
import { friendlyOf } from '../wizard-flow/friendly-error.js';
import { loadStartChoices, withoutClientToken } from '../wizard-flow/start-choices.js';
import { submitAnswers } from '../wizard-flow/submit-answers.js';
import { answerIssues, hasErrors, inWizardWords, promptIssues, requestFromAnswers } from '../wizard-flow/issues.js';
import { stepProgress } from '../wizard-flow/progress.js';
import { promptAt, type Prompt } from '../wizard-flow/prompts.js';
import { initialWizardState, wizardReducer } from '../wizard-flow/reducer.js';
import type { WizardEvent, WizardState } from '../wizard-flow/state.js';
import { answerRows } from '../wizard-flow/answer-rows.js';
import type { RunWizardInput } from '../wizard-flow/wizard-input.js';
import { presetMeaning, startOptions } from '../wizard-flow/start-options.js';
import { MARK } from '../wizard-flow/marks.js';
import { presetPolicyProblem } from '../wizard-flow/preset-policy.js';
import { DISCARDED, PlainDialogue, PlainQuit, type PlainIo } from './plain-dialogue.js';
import { outcomeLines } from './plain-outcome.js';
import { PLAIN_COMMANDS, longHelpLines, problemLines, promptLines, questionLine, readChoice, readText, type ReadAnswer } from './plain-prompts.js';

/** Runs the plain mode to its end; resolves with the exit code (0 ACTIVE or printed, 254 failed, 130 quit). */
export async function runPlainWizard(input: RunWizardInput, io: PlainIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const run = new PlainWizard(input, io);
  // A closed terminal fails writes with EIO before (or after) its SIGHUP: the signal ends the run; nothing to say.
  const terminalGone = () => undefined;
  for (const stream of [io.stdin, io.stdout, io.stderr]) stream.on('error', terminalGone);
  try {
    return await run.run();
  } catch (error) {
    if (!(error instanceof PlainQuit)) throw error;
    io.stdout.write(`\n${error.farewell}\n`);
    return error.code;
  } finally {
    await run.close();
    for (const stream of [io.stdin, io.stdout, io.stderr]) stream.off('error', terminalGone);
  }
}

class PlainWizard {
  private state: WizardState;
  private readonly options: CreateOptions;
  private readonly talk: PlainDialogue;
  private readonly sessions = new Map<boolean, Promise<Session>>();
  private store: WizardStore | undefined;
  /** The prompt whose lines were printed last: asked again after a problem, only its question is repeated. */
  private shown: string | undefined;

  constructor(
    { initial, given, options, policy }: RunWizardInput,
    private readonly io: PlainIo,
  ) {
    this.options = options;
    this.state = initialWizardState({ initial, given, sandbox: options.sandbox ?? false, clientToken: crypto.randomUUID(), ...(policy ? { policy } : {}), ...(options.preset ? { preset: options.preset } : {}) });
    this.talk = new PlainDialogue(io);
  }

  private dispatch(event: WizardEvent): void {
    this.state = wizardReducer(this.state, event);
  }

  async run(): Promise<number> {
    const { options } = this;
    this.talk.say(
      `healthlake-wizard: create an Amazon HealthLake FHIR data store${options.sandbox ? ' in the SANDBOX (a local emulator: nothing is sent to AWS or billed)' : ''}.`,
      ...(options.dryRun ? ['Dry run: the request is printed at the end; nothing is sent.'] : []),
      'Answer each question and press Enter. Ctrl+C or Ctrl+D quits without creating anything.',
    );
    // The store, not the session: the AWS SDK loads on review, never before the first question.
    const { openLocalStore } = await import('../store/open-local-store.js');
    this.store = await openLocalStore(this.io.stderr);
    const askCredentials = !options.sandbox && !options.endpointUrl;
    const detect = async () => (await import('../aws/detect-credentials.js')).detectCredentials();
    this.dispatch({ type: 'startChoices', choices: await loadStartChoices(this.store, askCredentials ? detect : undefined) });
    for (;;) {
      switch (this.state.phase) {
        case 'start':
          await this.askStart();
          break;
        case 'editing':
          await this.askPrompt(promptAt(this.state.cursor)!);
          break;
        case 'review': {
          const code = await this.review();
          if (code !== undefined) return code;
          break;
        }
        case 'submitting': {
          const code = await this.submitAndWatch();
          if (code !== undefined) return code;
          break;
        }
        default:
          return EXIT.other;
      }
    }
  }

  /** The start screen's choices: the sandbox when no credentials exist, a submission to resume, last answers, presets. */
  private async askStart(): Promise<void> {
    const choices = this.state.start!;
    const credentialsMissing = choices.credentialsMissing && !this.state.sandbox;
    if (credentialsMissing) {
      this.talk.say(
        '',
        'No AWS credentials were found on this machine.',
        'To use your AWS account, run `aws configure` (access keys) or `aws configure sso` (IAM Identity Center), then start again.',
        'Or try everything now in the local sandbox.',
      );
    }
    if (choices.pending.length > 0) {
      this.talk.say('', 'A submission never got its answer. Resuming sends it again with the same client token, so no second data store is created.');
    }
    // The target is named on review and checked before sending; there is no picker here (--profile, --region).
    const offered = startOptions(choices, this.state.sandbox).filter((option) => option.kind !== 'target' && option.kind !== 'recheck');
    this.talk.say('', 'How do you want to start?', ...offered.map((option, index) => `  ${index + 1}. ${option.label}: ${option.meaning}`));
    const option = offered[(await this.talk.pick('Start', offered.length, false))!]!;
    switch (option.kind) {
      case 'sandbox':
        this.dispatch({ type: 'useSandbox' });
        return this.talk.say('Using the SANDBOX: a local emulator; nothing is sent to AWS or billed.');
      case 'fresh':
        return this.dispatch({ type: 'startFresh' });
      case 'last':
        return this.dispatch({ type: 'startFrom', answers: option.answers, label: 'the last answers' });
      case 'resume':
        return this.dispatch({ type: 'resume', submission: option.submission });
      case 'presets': {
        this.talk.say('', 'Start from a preset:', ...choices.presets.map((preset, index) => `  ${index + 1}. ${preset.name}: ${presetMeaning(preset)}`));
        const index = await this.talk.pick(`Preset (${PLAIN_COMMANDS.back} goes back)`, choices.presets.length, true);
        if (index === undefined) return;
        const preset = choices.presets[index]!;
        this.dispatch({ type: 'startFrom', answers: preset.answers, label: `${preset.origin === 'project' ? 'project ' : ''}preset "${preset.name}"`, asGiven: true, preset: preset.name });
        this.talk.say(this.state.notice ?? '');
      }
    }
  }

  /** One question: its lines (once), the answer read, validated by the flow, and the problem said when it stays. */
  private async askPrompt(prompt: Prompt): Promise<void> {
    const { answers } = this.state;
    if (this.shown !== prompt.path) {
      const { current, total } = stepProgress(this.state);
      const [title, ...rest] = promptLines(prompt, answers, promptIssues(prompt, answerIssues(answers, this.state)));
      this.talk.say('', `Step ${current} of ${total}: ${title}`, ...rest);
      this.shown = prompt.path;
    }
    const line = await this.talk.ask(questionLine(prompt, answers, promptIssues(prompt, answerIssues(answers, this.state))));
    if (line === PLAIN_COMMANDS.help) return this.talk.say(...longHelpLines(prompt, answers));
    if (line === PLAIN_COMMANDS.back) {
      const before = this.state;
      this.dispatch({ type: 'back' });
      if (this.state.cursor === before.cursor && this.state.phase === before.phase) this.talk.say('This is the first question.');
      return;
    }
    const read = await this.readAnswer(prompt, line);
    if ('problem' in read) return this.talk.say(...problemLines(read.problem));
    this.dispatch({ type: 'answer', path: prompt.path, value: read.value });
    this.dispatch({ type: 'next' });
    const issues = promptIssues(prompt, answerIssues(this.state.answers, this.state));
    const stayed = this.state.phase === 'editing' && this.state.cursor === prompt.path;
    // The wizard's validation line: the first error with its fix keeps the question; a warning is only said.
    const error = issues.find((issue) => issue.severity === 'error');
    const warning = issues.find((issue) => issue.severity === 'warning');
    if (stayed && error) this.talk.say(...problemLines(error));
    else if (warning) this.talk.say(`${MARK.warning} ${warning.message}`);
  }

  private async readAnswer(prompt: Prompt, line: string): Promise<ReadAnswer> {
    const current = this.state.answers[prompt.path];
    const issues = promptIssues(prompt, answerIssues(this.state.answers, this.state));
    switch (prompt.kind) {
      case 'choice':
        return readChoice(prompt, line, current);
      case 'tags':
        return this.talk.readTags(line, current);
      case 'json': {
        if (line === PLAIN_COMMANDS.build || (line === '' && current === undefined)) return { value: await this.talk.buildMetadata(current, (issuer) => this.fetchIssuerConfiguration(issuer)) };
        const read = readText(prompt, line, current, issues);
        if ('problem' in read || typeof read.value !== 'string' || read.value === current) return read;
        try {
          const fromFile = readParamFile(read.value, prompt.parameter.flag, prompt.path);
          return fromFile === undefined ? read : { value: fromFile };
        } catch (error) {
          if (error instanceof InputError && error.issues[0]) return { problem: error.issues[0] };
          throw error;
        }
      }
      default:
        return readText(prompt, line, current, issues);
    }
  }

  /** The issuer's smart-configuration, through the proxy and CA settings of the options and profile (loads them). */
  private async fetchIssuerConfiguration(issuer: string): Promise<SmartConfigurationAnswer> {
    try {
      const { fetchIssuerConfiguration } = await import('../aws/preflight/smart-configuration-fetch.js');
      return await fetchIssuerConfiguration(this.options, issuer);
    } catch (error) {
      return { ok: false, kind: 'network', message: friendlyOf(error).message };
    }
  }

  private session(sandbox: boolean): Promise<Session> {
    let opened = this.sessions.get(sandbox);
    if (!opened) {
      // Journaled as the wizard and `create --no-interactive` are: no journal, no sending, unless --no-journal.
      const deps = {
        journal: this.options.noJournal ? ('skip' as const) : ('required' as const),
        warn: (message: string) => this.io.stderr.write(`healthlake-wizard: warning: ${message}\n`),
        stderr: this.io.stderr,
      };
      opened = import('../aws/session.js').then(({ openSession }) => openSession({ ...this.options, sandbox }, this.store, deps));
      opened.catch(() => this.sessions.delete(sandbox));
      this.sessions.set(sandbox, opened);
    }
    return opened;
  }

  /**
   * The target checked: its Region and profile, and who the credentials are (STS), or its problem. Loads the SDK:
   * only on review, never for a dry run (undefined), which sends nothing.
   */
  private async checkTarget(): Promise<TargetReport | undefined> {
    if (this.options.dryRun) return undefined;
    try {
      const [session, { checkSessionTarget }] = await Promise.all([this.session(this.state.sandbox), import('../aws/session.js')]);
      return await checkSessionTarget(session, { ...this.options, sandbox: this.state.sandbox });
    } catch (error) {
      return { ok: false, problem: friendlyOf(error) };
    }
  }

  /** Where a creation would go, and whose credentials sign it (or what is wrong, with its fix). */
  private targetLines(report: TargetReport | undefined): string[] {
    if (!report) return ['Target: none, a dry run prints the request and sends nothing.'];
    // With no Region the credentials were checked all the same: who they are, or their problem first.
    const credentials = report.ok ? undefined : report.credentials;
    const identity = report.ok ? report.identity : credentials?.ok ? credentials.identity : undefined;
    const account = identity ? `, account ${identity.account}${identity.name ? ` (${identity.name})` : ''}` : '';
    const problems = report.ok ? [] : [...(credentials?.ok === false ? [credentials.problem] : []), report.problem];
    const problem = problems.flatMap(({ message, fix }) => [`${MARK.error} ${message}`, `  Fix: ${fix}`]);
    if (this.state.sandbox) return [`Target: SANDBOX, a local emulator on this machine: nothing is sent to AWS or billed${account}.`, ...problem];
    const target = report.target;
    if (!target) return [`Target: not resolved${credentials?.profile ? `, profile ${credentials.profile}` : ''}${account}.`, ...problem];
    return [`Target: AWS, region ${target.region}${target.profile ? `, profile ${target.profile}` : ''}${account}${target.endpoint ? `, endpoint ${target.endpoint}` : ''}.`, ...problem];
  }

  /**
   * The pre-flight checks of `request` on the target, as the wizard's review runs them (`--no-preflight` skips
   * them): a line per check with what failed explained, and the titles of the checks that failed.
   */
  private async preflight(request: ReturnType<typeof requestFromAnswers>): Promise<{ lines: string[]; failed: string[] }> {
    if (this.options.preflight === false) return { lines: ['Pre-flight checks: skipped (--no-preflight).'], failed: [] };
    try {
      const [session, { openAccountResources }, { resultLines }] = await Promise.all([this.session(this.state.sandbox), import('../aws/account-resources.js'), import('../aws/preflight/report-text.js')]);
      const resources = await openAccountResources(session, { ...this.options, sandbox: this.state.sandbox });
      try {
        const { results } = await resources.preflightReport(request);
        if (results.length === 0) return { lines: [], failed: [] };
        const failed = results.filter((result) => result.status === 'failed').map((result) => result.title);
        return { lines: ['Pre-flight checks:', ...results.flatMap((result) => resultLines(result).split('\n').map((line) => `  ${line}`))], failed };
      } finally {
        resources.close();
      }
    } catch (error) {
      return { lines: [`${MARK.warning} Pre-flight checks could not run: ${friendlyOf(error).message}`], failed: [] };
    }
  }

  /** The review as text, then "Create? [y/N]"; a row's number edits it. Resolves with an exit code when the run ends. */
  private async review(): Promise<number | undefined> {
    const rows = answerRows(this.state.answers, this.state);
    this.talk.say('', 'Review: check every answer; nothing is sent until you confirm.');
    rows.forEach((row, index) => {
      this.talk.say(`  ${index + 1}. ${row.label}: ${row.shown}`);
      for (const issue of row.issues) this.talk.say(...problemLines(issue).map((line) => `     ${issue.severity === 'error' ? line : line.replace(MARK.error, MARK.warning)}`));
    });
    const target = await this.checkTarget();
    this.talk.say(...this.targetLines(target));
    if (this.state.submitError) this.talk.say(...problemLines(this.state.submitError));
    const request = requestFromAnswers(this.state.answers);
    // The checks the wizard's review runs, on a valid request for a target that works.
    const checks = !hasErrors(answerIssues(this.state.answers, this.state)) && (!target || target.ok) ? await this.preflight(request) : { lines: [], failed: [] };
    this.talk.say(...checks.lines);
    const name = request.DatastoreName ? ` "${request.DatastoreName}"` : '';
    // What cannot be changed later, as the wizard's confirmation names it: the steps of the parameters so marked.
    const fixed = [...new Set(rows.filter((row) => row.fixedAfterCreation).map((row) => row.stepTitle))];
    this.talk.say(
      `Type a row's number to change it, s to save the answers as a preset, ${PLAIN_COMMANDS.back} to go back, q to quit.`,
      this.options.dryRun
        ? `Print the request for the data store${name}? Nothing is sent.`
        : `Create the data store${name}? A HealthLake data store is billed per hour from the moment it is created until it is deleted${this.state.sandbox ? ' (in the sandbox nothing is billed: it runs on this machine)' : ''}.${fixed.length > 0 ? ` Cannot be changed after creation: ${fixed.join(', ')}.` : ''}`,
    );
    for (;;) {
      const typed = (await this.talk.ask(this.options.dryRun ? 'Print? [y/N]: ' : 'Create? [y/N]: ')).trim().toLowerCase();
      if (/^\d+$/.test(typed) && rows[Number(typed) - 1]) return void this.dispatch({ type: 'jumpTo', path: rows[Number(typed) - 1]!.path });
      if (typed === PLAIN_COMMANDS.back) return void this.dispatch({ type: 'back' });
      if (typed === 's') {
        await this.savePreset(await this.talk.ask('Preset name (an empty line cancels): '));
        continue;
      }
      if (typed === 'y' || typed === 'yes') {
        if (hasErrors(answerIssues(this.state.answers, this.state))) {
          this.talk.say(`Fix the fields marked ${MARK.error} before creating: type the row's number.`);
          continue;
        }
        // Nothing is sent to a broken target: checked again now, as it may have been fixed in another terminal.
        const report = await this.checkTarget();
        if (report && !report.ok) {
          this.talk.say(`${MARK.error} Not sent: ${report.problem.message}`, `  Fix: ${report.problem.fix} Then type y to check again and create, or q to quit.`);
          continue;
        }
        if (checks.failed.length > 0 && !this.options.dryRun) {
          const anyway = (await this.talk.ask(`The pre-flight checks say the creation would likely fail (${checks.failed.join(', ')}); a failed data store is still billed until deleted. Create anyway? [y/N]: `)).trim().toLowerCase();
          if (anyway !== 'y' && anyway !== 'yes') {
            this.talk.say(`Not sent. Type a row's number to change it, or q to quit.`);
            continue;
          }
        }
        if (this.options.savePreset !== undefined) await this.savePreset(this.options.savePreset);
        if (this.options.dryRun) {
          const { renderDryRun } = await import('../cli-output/render-output.js');
          writeStdout(await renderDryRun(request as unknown as Record<string, unknown>, this.options));
          return EXIT.ok;
        }
        this.dispatch({ type: 'openDialog', dialog: 'confirm-submit' });
        this.dispatch({ type: 'submit' });
        return undefined;
      }
      if (typed === '' || typed === 'n' || typed === 'no' || typed === 'q') throw new PlainQuit(EXIT.interrupted, `Not created. ${DISCARDED}`);
      this.talk.say(...problemLines({ message: `"${typed}" is not an answer here.`, fix: `Type y to ${this.options.dryRun ? 'print the request' : 'create'}, n to quit, s to save a preset, or a row's number (1 to ${rows.length}) to change it.` }));
    }
  }

  /** Saves the answers (never the client token) as a preset; says whether it worked. */
  private async savePreset(name: string): Promise<void> {
    if (name.trim() === '') return;
    if (!this.store) return this.talk.say(`${MARK.error} The local store is not available; the preset cannot be saved.`);
    const broken = presetPolicyProblem(this.state.policy, this.state.answers, name);
    if (broken) {
      const { message, fix } = inWizardWords(broken);
      return this.talk.say(`${MARK.error} ${message}`, `  Fix: ${fix}`);
    }
    try {
      this.store.presets.save(name, withoutClientToken(this.state.answers));
      this.dispatch({ type: 'presetSaved', name });
      this.talk.say(this.state.notice ?? '');
    } catch (error) {
      const fix = (error as { fix?: unknown }).fix;
      this.talk.say(`${MARK.error} ${error instanceof Error ? error.message : String(error)}`, ...(typeof fix === 'string' ? [`  Fix: ${fix}`] : []));
    }
  }

  /** Sends (or resumes), then follows the status line by line; back to review when the service says no. */
  private async submitAndWatch(): Promise<number | undefined> {
    const { state } = this;
    this.talk.say('', state.resuming ? 'Resuming the pending submission…' : 'Creating the data store…');
    const sending = (async () => {
      const session = await this.session(state.sandbox);
      const callerAccount = async () => (await import('../aws/caller-account.js')).callerAccount({ ...this.options, sandbox: state.sandbox });
      return { session, result: await submitAnswers(state, session.gateway, this.store, state.sandbox ? {} : { callerAccount }) };
    })();
    const outcome = await Promise.race([sending.then((sent) => ({ sent }), (error: unknown) => ({ error })), this.talk.stopped.then((signal) => ({ signal }))]);
    if ('signal' in outcome) {
      throw new PlainQuit(STOP_SIGNALS[outcome.signal], 'Interrupted while sending. The client token is kept: start the wizard again to resume, without creating a second data store.');
    }
    if ('error' in outcome) {
      this.dispatch({ type: 'submitFailed', error: friendlyOf(outcome.error) });
      return undefined;
    }
    const { session, result } = outcome.sent;
    this.dispatch({ type: 'submitted', result, at: Date.now() });
    this.talk.say(
      `${MARK.ok} Creation accepted: ${result.DatastoreId} (${result.DatastoreStatus}).`,
      `  ARN: ${result.DatastoreArn}`,
      `  Endpoint: ${result.DatastoreEndpoint}`,
      `Creating usually takes several minutes. Leaving is safe: creation goes on. Resume with healthlake-wizard status ${result.DatastoreId}`,
    );
    if (this.options.wait === false) return EXIT.ok;
    const target = await session.gateway.target().catch(() => undefined);
    const { watchToExitCode } = await import('../aws/session.js');
    const request = requestFromAnswers(state.answers);
    return watchToExitCode(session.gateway, result.DatastoreId, {
      stderr: this.io.stdout,
      onEnd: (event) => this.talk.say(...outcomeLines(event, request, target)),
    });
  }

  async close(): Promise<void> {
    this.talk.close();
    await Promise.allSettled([...this.sessions.values()].map((opened) => opened.then((session) => session.close())));
  }
}
