import { describe, expect, it } from 'vitest';
import { canGoBack, initialWizardState, needsClientToken, showsErrors, wizardReducer } from '../../src/wizard-flow/reducer.js';
import { requestFromAnswers } from '../../src/wizard-flow/issues.js';
import { choiceOptions, promptAt, visiblePrompts } from '../../src/wizard-flow/prompts.js';
import { stepProgress } from '../../src/wizard-flow/progress.js';
import type { WizardEvent, WizardState } from '../../src/wizard-flow/state.js';

const TOKEN = '0f9c2a6e-5d1b-4c1e-9a57-3f1d2b7c8e90';
const KEY = 'SseConfiguration.KmsEncryptionConfig.KmsKeyId';
const CMK = 'SseConfiguration.KmsEncryptionConfig.CmkType';
const STRATEGY = 'IdentityProviderConfiguration.AuthorizationStrategy';

function run(state: WizardState, ...events: WizardEvent[]): WizardState {
  return events.reduce(wizardReducer, state);
}
const next: WizardEvent = { type: 'next' };
const fresh = () => initialWizardState({ initial: {}, given: [], clientToken: TOKEN });

describe('visible prompts', () => {
  it('shows the KMS key only for a customer managed key', () => {
    expect(visiblePrompts({}).map((p) => p.path)).not.toContain(KEY);
    expect(visiblePrompts({ [CMK]: 'CUSTOMER_MANAGED_KMS_KEY' }).map((p) => p.path)).toContain(KEY);
    expect(visiblePrompts({ [CMK]: 'AWS_OWNED_KMS_KEY' }).map((p) => p.path)).not.toContain(KEY);
  });

  it('shows the SMART members only for SMART strategies', () => {
    const smart = (strategy: string) => visiblePrompts({ [STRATEGY]: strategy }).map((p) => p.path);
    expect(smart('AWS_AUTH')).not.toContain('IdentityProviderConfiguration.Metadata');
    for (const strategy of ['SMART_ON_FHIR', 'SMART_ON_FHIR_V1']) {
      expect(smart(strategy)).toEqual(expect.arrayContaining(['IdentityProviderConfiguration.Metadata', 'IdentityProviderConfiguration.IdpLambdaArn']));
    }
    expect(promptAt('IdentityProviderConfiguration.Metadata')?.kind).toBe('json');
    expect(promptAt('Tags')?.kind).toBe('tags');
  });

  it('offers "leave out" only where the request allows it', () => {
    expect(choiceOptions(promptAt('DatastoreTypeVersion')!).map((o) => o.label)).toEqual(['R4']);
    expect(choiceOptions(promptAt(CMK)!).map((o) => o.label)).toEqual(['Leave out (AWS owned key)', 'AWS_OWNED_KMS_KEY', 'CUSTOMER_MANAGED_KMS_KEY']);
  });

  it('names the default that applies when a choice is left out', () => {
    const leaveOut = (path: string) => choiceOptions(promptAt(path)!)[0]!;
    expect(leaveOut('PreloadDataConfig.PreloadDataType')).toEqual({ value: undefined, label: 'Leave out (no sample data)', meaning: 'Not set: the service uses its default, no sample data.' });
    expect(leaveOut(STRATEGY).label).toBe('Leave out (AWS_AUTH)');
    expect(leaveOut('IdentityProviderConfiguration.FineGrainedAuthorizationEnabled').label).toBe('Leave out (false)');
  });

  it('drops answers that no longer apply from the request', () => {
    const request = requestFromAnswers({ DatastoreTypeVersion: 'R4', [CMK]: 'AWS_OWNED_KMS_KEY', [KEY]: 'alias/x' });
    expect(request.SseConfiguration).toEqual({ KmsEncryptionConfig: { CmkType: 'AWS_OWNED_KMS_KEY' } });
  });
});

describe('wizard reducer', () => {
  it('starts on the name and pre-fills a client token', () => {
    const state = fresh();
    expect(state.phase).toBe('editing');
    expect(state.cursor).toBe('DatastoreName');
    expect(state.answers.ClientToken).toBe(TOKEN);
  });

  it('accepting every default ends on review with a valid request', () => {
    let state = fresh();
    state = run(state, { type: 'answer', path: 'DatastoreTypeVersion', value: 'R4' });
    for (let i = 0; i < 20 && state.phase === 'editing'; i++) state = run(state, next);
    expect(state.phase).toBe('review');
    expect(requestFromAnswers(state.answers)).toEqual({ DatastoreTypeVersion: 'R4', ClientToken: TOKEN });
  });

  it('does not move past an invalid value, and moves once fixed', () => {
    let state = run(fresh(), { type: 'answer', path: 'DatastoreName', value: 'bad#name' }, next);
    expect(state.cursor).toBe('DatastoreName');
    state = run(state, { type: 'answer', path: 'DatastoreName', value: 'good' }, next);
    expect(state.cursor).toBe('DatastoreTypeVersion');
  });

  it('asks for the key after choosing a customer managed key, and Esc walks back', () => {
    let state = run(fresh(), next, { type: 'answer', path: 'DatastoreTypeVersion', value: 'R4' }, next);
    expect(state.cursor).toBe(CMK);
    state = run(state, { type: 'answer', path: CMK, value: 'CUSTOMER_MANAGED_KMS_KEY' }, next);
    expect(state.cursor).toBe(KEY);
    state = run(state, next);
    expect(state.cursor).toBe(KEY); // a customer managed key needs a key id
    state = run(state, { type: 'back' }, { type: 'back' });
    expect(state.cursor).toBe('DatastoreTypeVersion');
  });

  it('skips an empty optional step at once, but not a required one', () => {
    const state = run(fresh(), { type: 'skip' });
    expect(state.dialog).toBe('none');
    expect(state.cursor).toBe('DatastoreTypeVersion');
    expect(run(state, { type: 'skip' })).toBe(state);
    expect(stepProgress(state).steps.find((s) => s.id === 'name')?.mark).toBe('skipped');
  });

  it('asks before skipping a step with answers (Tab never throws typed work away): n keeps them, y clears them', () => {
    const asked = run(fresh(), { type: 'answer', path: 'DatastoreName', value: 'x' }, { type: 'skip' });
    expect(asked.dialog).toBe('confirm-skip');
    expect(asked.answers.DatastoreName).toBe('x');
    expect(asked.cursor).toBe('DatastoreName');
    const stayed = run(asked, { type: 'closeDialog' });
    expect(stayed.answers.DatastoreName).toBe('x');
    expect(stayed.dialog).toBe('none');
    const state = run(asked, { type: 'confirmSkip' });
    expect(state.dialog).toBe('none');
    expect(state.answers.DatastoreName).toBeUndefined();
    expect(state.cursor).toBe('DatastoreTypeVersion');
    expect(run(state, { type: 'skip' })).toBe(state);
    expect(stepProgress(state).steps.find((s) => s.id === 'name')?.mark).toBe('skipped');
  });

  it('asks only for what is missing or invalid (partial auto-prompt) and always ends on review', () => {
    const allValid = initialWizardState({ initial: { DatastoreTypeVersion: 'R4', DatastoreName: 'a' }, given: ['DatastoreTypeVersion', 'DatastoreName'], clientToken: TOKEN });
    expect(allValid.cursor).toBe(CMK);
    const invalid = initialWizardState({ initial: { DatastoreTypeVersion: 'R5' }, given: ['DatastoreTypeVersion'] });
    expect(invalid.cursor).toBe('DatastoreName');
    expect(run(invalid, next).cursor).toBe('DatastoreTypeVersion');
    const everything = visiblePrompts({}).map((p) => p.path);
    const complete = initialWizardState({ initial: { DatastoreTypeVersion: 'R4' }, given: everything });
    expect(complete.phase).toBe('review');
  });

  it('takes a ClientToken made for it only when it has none and will send one', () => {
    const fresh = initialWizardState({ initial: {}, given: [] });
    expect(needsClientToken(fresh)).toBe(true);
    const made = run(fresh, { type: 'clientTokenMade', token: 'after-frame' });
    expect(made.answers.ClientToken).toBe('after-frame');
    expect(needsClientToken(made)).toBe(false);
    // One made already (or given, or typed) stays; a dry run has none.
    expect(run(made, { type: 'clientTokenMade', token: 'another' })).toBe(made);
    const given = initialWizardState({ initial: { ClientToken: 'mine' }, given: [] });
    expect(run(given, { type: 'clientTokenMade', token: 'x' }).answers.ClientToken).toBe('mine');
    const dryRun = initialWizardState({ initial: {}, given: [], dryRun: true });
    expect(needsClientToken(dryRun)).toBe(false);
    expect(run(dryRun, { type: 'clientTokenMade', token: 'x' }).answers.ClientToken).toBeUndefined();
  });

  it('edits a field from review and returns to review, asking what the change requires', () => {
    let state = initialWizardState({ initial: { DatastoreTypeVersion: 'R4' }, given: visiblePrompts({}).map((p) => p.path) });
    state = run(state, { type: 'jumpTo', path: CMK }, { type: 'answer', path: CMK, value: 'CUSTOMER_MANAGED_KMS_KEY' }, next);
    expect(state.phase).toBe('editing');
    expect(state.cursor).toBe(KEY);
    state = run(state, { type: 'answer', path: KEY, value: 'alias/k' }, next);
    expect(state.phase).toBe('review');
    expect(requestFromAnswers(state.answers).SseConfiguration?.KmsEncryptionConfig?.KmsKeyId).toBe('alias/k');
    const again = run(state, { type: 'jumpTo', path: 'DatastoreName' }, { type: 'back' });
    expect(again.phase).toBe('review');
  });

  it('submits only after confirmation and never with errors', () => {
    const review = initialWizardState({ initial: { DatastoreTypeVersion: 'R4' }, given: visiblePrompts({}).map((p) => p.path) });
    expect(run(review, { type: 'submit' }).phase).toBe('review');
    const confirmed = run(review, { type: 'openDialog', dialog: 'confirm-submit' }, { type: 'submit' });
    expect(confirmed.phase).toBe('submitting');
    const broken = { ...review, answers: { ...review.answers, DatastoreName: 'bad#' } };
    expect(run(broken, { type: 'openDialog', dialog: 'confirm-submit' }).dialog).toBe('none');
  });

  it('returns to review on a submission error, keeping every answer', () => {
    const review = initialWizardState({ initial: { DatastoreTypeVersion: 'R4', DatastoreName: 'keep' }, given: visiblePrompts({}).map((p) => p.path) });
    const submitting = run(review, { type: 'openDialog', dialog: 'confirm-submit' }, { type: 'submit' });
    const error = { code: 'AccessDenied', message: 'denied', fix: 'grant', exitCode: 254, field: KEY, transient: false };
    const failed = run(submitting, { type: 'submitFailed', error });
    expect(failed.phase).toBe('review');
    expect(failed.submitError).toEqual(error);
    expect(failed.answers.DatastoreName).toBe('keep');
  });

  it('a failed resume whose outcome is unknown stays bound: no edits, and create resends the same submission', () => {
    const submission = { clientToken: 'pending-1', request: { DatastoreTypeVersion: 'R4' as const, DatastoreName: 'p', ClientToken: 'pending-1' }, target: { region: 'eu-west-1', sandbox: false }, startedAt: '2026-01-01T00:00:00.000Z' };
    const choices = { presets: [], pending: [submission], credentialsMissing: false };
    const resuming = run(fresh(), { type: 'startChoices', choices }, { type: 'resume', submission });
    const reset = { code: 'ConnectionReset', message: 'interrupted', fix: 'again', exitCode: 255, transient: true };
    const bound = run(resuming, { type: 'submitFailed', error: reset, stillPending: true });
    expect(bound).toMatchObject({ phase: 'review', resuming: submission });
    expect(run(bound, { type: 'jumpTo', path: 'DatastoreName' })).toBe(bound);
    expect(run(bound, { type: 'back' })).toBe(bound);
    expect(run(bound, { type: 'openDialog', dialog: 'confirm-submit' }, { type: 'submit' })).toMatchObject({ phase: 'submitting', resuming: submission });
    // Once the journal no longer holds it (the service said no), the answers are the person's again.
    const rejected = run(resuming, { type: 'submitFailed', error: { ...reset, transient: false, exitCode: 254 }, stillPending: false });
    expect(rejected.resuming).toBeUndefined();
    expect(run(rejected, { type: 'jumpTo', path: 'DatastoreName' }).phase).toBe('editing');
  });

  it('follows the status watcher to done or failed', () => {
    const review = initialWizardState({ initial: { DatastoreTypeVersion: 'R4' }, given: visiblePrompts({}).map((p) => p.path) });
    const result = { DatastoreId: 'abc', DatastoreArn: 'arn', DatastoreStatus: 'CREATING' as const, DatastoreEndpoint: 'https://x/r4/' };
    const properties = { ...result, DatastoreTypeVersion: 'R4', DatastoreStatus: 'ACTIVE' as const };
    const watching = run(review, { type: 'openDialog', dialog: 'confirm-submit' }, { type: 'submit' }, { type: 'submitted', result, at: 1 });
    expect(watching.phase).toBe('watching');
    const transient = run(watching, { type: 'status', event: { type: 'transient-error', error: { code: 'Throttling', message: 'slow', fix: 'wait', exitCode: 254, transient: true }, at: new Date(2), nextCheckAt: new Date(3) } });
    expect(transient.watch?.transientError?.code).toBe('Throttling');
    expect(run(transient, { type: 'status', event: { type: 'done', outcome: 'active', properties, at: new Date(4) } }).phase).toBe('done');
    expect(run(transient, { type: 'status', event: { type: 'done', outcome: 'failed', properties: { ...properties, DatastoreStatus: 'CREATE_FAILED' }, at: new Date(4) } }).phase).toBe('failed');
  });

  it('offers the start screen only before the first key, and starting from answers keeps a fresh token', () => {
    const choices = { lastAnswers: { DatastoreTypeVersion: 'R4', DatastoreName: 'last', ClientToken: 'old' }, presets: [], pending: [], credentialsMissing: false };
    const start = run(fresh(), { type: 'startChoices', choices });
    expect(start.phase).toBe('start');
    expect(run(fresh(), next, { type: 'startChoices', choices }).phase).toBe('editing');
    const from = run(start, { type: 'startFrom', answers: { DatastoreName: 'last' }, label: 'the last answers' });
    expect(from.phase).toBe('editing');
    expect(from.answers).toMatchObject({ DatastoreName: 'last', ClientToken: TOKEN });
    expect(run(start, { type: 'useSandbox' }).sandbox).toBe(true);
  });
});

describe('given top-level keys', () => {
  it('treats a given structure as given for its members, asking only the invalid one', () => {
    const state = initialWizardState({
      initial: { DatastoreTypeVersion: 'R4', [CMK]: 'CUSTOMER_MANAGED_KMS_KEY' },
      given: ['DatastoreTypeVersion', 'SseConfiguration', 'DatastoreName', 'PreloadDataConfig', 'Tags', 'IdentityProviderConfiguration', 'ClientToken'],
    });
    expect(state.cursor).toBe(KEY);
  });
});

describe('the flow a newcomer meets', () => {
  const noChoices = { presets: [], pending: [], credentialsMissing: false };
  const preset = { name: 'team', answers: { DatastoreTypeVersion: 'R4', DatastoreName: 'from-preset' }, clientTokenPolicy: 'generate' as const, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

  it('Esc on step 1 goes back to the start screen when there is one, and only then offers Esc', () => {
    const firstRun = run(fresh(), { type: 'startChoices', choices: { ...noChoices, credentialsMissing: true } }, { type: 'useSandbox' });
    expect(firstRun.phase).toBe('editing');
    expect(canGoBack(firstRun)).toBe(true);
    const typed = run(firstRun, { type: 'answer', path: 'DatastoreName', value: 'kept' }, { type: 'back' });
    expect(typed.phase).toBe('start');
    expect(typed.answers.DatastoreName).toBe('kept');
    const nothingToOffer = run(fresh(), { type: 'startChoices', choices: noChoices });
    expect(canGoBack(nothingToOffer)).toBe(false);
    expect(run(nothingToOffer, { type: 'back' }).phase).toBe('editing');
  });

  it('choosing the sandbox on a first run still offers the last answers or a preset', () => {
    const start = run(fresh(), { type: 'startChoices', choices: { ...noChoices, credentialsMissing: true, presets: [preset] } });
    const sandbox = run(start, { type: 'useSandbox' });
    expect(sandbox).toMatchObject({ phase: 'start', sandbox: true });
    const picked = run(sandbox, { type: 'startFrom', answers: preset.answers, label: 'preset "team"', asGiven: true });
    expect(picked).toMatchObject({ phase: 'review', sandbox: true });
    expect(picked.answers).toMatchObject({ DatastoreName: 'from-preset', ClientToken: TOKEN });
  });

  it('a run from given values (flags, --preset, a picked preset) asks only what is missing or invalid, then shows review', () => {
    const flags = initialWizardState({ initial: { DatastoreTypeVersion: 'R4', DatastoreName: 'a' }, given: ['DatastoreTypeVersion', 'DatastoreName', 'SseConfiguration', 'PreloadDataConfig', 'Tags', 'IdentityProviderConfiguration'], clientToken: TOKEN });
    expect(flags.phase).toBe('review');
    const invalid = initialWizardState({ initial: { DatastoreTypeVersion: 'R4', DatastoreName: 'bad#' }, given: ['DatastoreTypeVersion', 'DatastoreName', 'SseConfiguration', 'PreloadDataConfig', 'Tags', 'IdentityProviderConfiguration'], clientToken: TOKEN });
    expect(invalid.cursor).toBe('DatastoreName');
    expect(run(invalid, { type: 'answer', path: 'DatastoreName', value: 'good' }, next).phase).toBe('review');
  });

  it('a dry run has no path to sending: no confirmation, no submit, no resume', () => {
    const dry = initialWizardState({ initial: { DatastoreTypeVersion: 'R4' }, given: ['DatastoreTypeVersion', 'DatastoreName', 'SseConfiguration', 'PreloadDataConfig', 'Tags', 'IdentityProviderConfiguration'], dryRun: true });
    expect(dry.phase).toBe('review');
    expect(dry.answers.ClientToken).toBeUndefined();
    expect(run(dry, { type: 'openDialog', dialog: 'confirm-submit' }).dialog).toBe('none');
    expect(run({ ...dry, dialog: 'confirm-submit' }, { type: 'submit' }).phase).toBe('review');
    const pending = { clientToken: 't', request: { DatastoreTypeVersion: 'R4' as const }, target: { region: 'us-east-1', sandbox: false }, startedAt: '2026-01-01T00:00:00.000Z' };
    const start = run(dry, { type: 'startChoices', choices: { ...noChoices, pending: [pending] } });
    expect(start.start?.pending).toEqual([]);
    expect(run({ ...start, phase: 'start' }, { type: 'resume', submission: pending }).phase).toBe('start');
  });
});

describe('errors after touching', () => {
  it('a field is blamed once edited, left with Enter or Esc, opened from review, or given', () => {
    const kms = promptAt(KEY)!;
    const atKey = run(fresh(), next, next, { type: 'answer', path: CMK, value: 'CUSTOMER_MANAGED_KMS_KEY' }, next);
    expect(atKey.cursor).toBe(KEY);
    expect(showsErrors(atKey, kms)).toBe(false);
    const left = run(atKey, next);
    expect(left.cursor).toBe(KEY); // blocked: the key is required
    expect(showsErrors(left, kms)).toBe(true);
    expect(showsErrors(run(atKey, { type: 'answer', path: KEY, value: 'a' }), kms)).toBe(true);
    expect(showsErrors(run(atKey, { type: 'back' }), kms)).toBe(true);
    const given = initialWizardState({ initial: { DatastoreTypeVersion: 'R4', DatastoreName: 'bad#' }, given: ['DatastoreName'] });
    expect(showsErrors(given, promptAt('DatastoreName')!)).toBe(true);
  });
});

describe('the target', () => {
  const SSO = { code: 'SsoTokenExpired', message: 'Your AWS SSO session has expired.', fix: 'Sign in again: aws sso login --profile corp', exitCode: 253, transient: false };
  const broken = { ok: false as const, target: { region: 'us-east-1', profile: 'corp', sandbox: false }, problem: SSO };
  const good = { ok: true as const, target: { region: 'eu-west-2', profile: 'dev', sandbox: false }, identity: { account: '111122223333', arn: 'arn:aws:iam::111122223333:user/dev', name: 'dev' } };
  const given = () => initialWizardState({ initial: { DatastoreTypeVersion: 'R4', DatastoreName: 'mine' }, given: ['DatastoreTypeVersion', 'DatastoreName', 'SseConfiguration', 'PreloadDataConfig', 'Tags', 'IdentityProviderConfiguration'], clientToken: TOKEN });

  it('a broken target brings the start screen before any key, never after one; the check of an older choice is dropped', () => {
    expect(run(fresh(), { type: 'targetChecked', report: broken, version: 0 }).phase).toBe('start');
    const typing = run(fresh(), { type: 'answer', path: 'DatastoreName', value: 'x' }, { type: 'targetChecked', report: broken, version: 0 });
    expect(typing).toMatchObject({ phase: 'editing', targetReport: broken });
    const chosen = run(fresh(), { type: 'chooseTarget', choice: { sandbox: false, profile: 'dev', region: 'eu-west-2' } });
    expect(run(chosen, { type: 'targetChecked', report: broken, version: 0 }).targetReport).toBeUndefined();
    expect(run(chosen, { type: 'targetChecked', report: good, version: 1 })).toMatchObject({ targetReport: good, region: 'eu-west-2' });
  });

  it('create is refused while the target is broken, and allowed once another target checks out; every answer is kept', () => {
    const review = run(given(), { type: 'answer', path: 'DatastoreName', value: 'mine' }, { type: 'targetChecked', report: broken, version: 0 });
    expect(review.phase).toBe('review');
    expect(run(review, { type: 'openDialog', dialog: 'confirm-submit' }).dialog).toBe('none');
    const opened = run(review, { type: 'openDialog', dialog: 'change-target' });
    expect(opened.dialog).toBe('change-target');
    const changed = run(opened, { type: 'chooseTarget', choice: { sandbox: false, profile: 'dev', region: 'eu-west-2' } });
    expect(changed).toMatchObject({ phase: 'review', dialog: 'none', chosenProfile: 'dev', chosenRegion: 'eu-west-2', targetVersion: 1, answers: review.answers });
    const checked = run(changed, { type: 'targetChecked', report: good, version: 1 }, { type: 'openDialog', dialog: 'confirm-submit' }, { type: 'submit' });
    expect(checked.phase).toBe('submitting');
  });

  it('a confirmation opened while the check ran closes when the target turns out broken', () => {
    const confirming = run(given(), { type: 'openDialog', dialog: 'confirm-submit' });
    expect(confirming.dialog).toBe('confirm-submit');
    expect(run(confirming, { type: 'targetChecked', report: broken, version: 0 }, { type: 'submit' })).toMatchObject({ phase: 'review', dialog: 'none' });
  });

  it('a Region without HealthLake brings the start screen before any key (its Ctrl+T fix is there); not after one, not in a dry run, not to create', () => {
    const noHealthLake = { ...good, target: { ...good.target, region: 'eu-central-1' } };
    expect(run(fresh(), { type: 'targetChecked', report: noHealthLake, version: 0 }).phase).toBe('start');
    // Every answer given as a flag: the start screen still comes first, then Esc on the first step returns to it.
    expect(run(given(), { type: 'targetChecked', report: noHealthLake, version: 0 }).phase).toBe('start');
    const started = run(fresh(), { type: 'targetChecked', report: noHealthLake, version: 0 }, { type: 'startFresh' });
    expect(started.phase).toBe('editing');
    expect(run(started, { type: 'back' }).phase).toBe('start');
    const typing = run(fresh(), { type: 'answer', path: 'DatastoreName', value: 'x' }, { type: 'targetChecked', report: noHealthLake, version: 0 });
    expect(typing.phase).toBe('editing');
    const dry = initialWizardState({ initial: { DatastoreTypeVersion: 'R4' }, given: ['DatastoreTypeVersion'], dryRun: true });
    expect(run(dry, { type: 'targetChecked', report: noHealthLake, version: 0 }).phase).not.toBe('start');
    // A warning, not a blocker: the table of Regions may lag a new one.
    const review = run(given(), { type: 'targetChecked', report: noHealthLake, version: 0 }, { type: 'startFresh' });
    expect(run({ ...review, phase: 'review' }, { type: 'openDialog', dialog: 'confirm-submit' }).dialog).toBe('confirm-submit');
    expect(run(fresh(), { type: 'targetChecked', report: good, version: 0 }).phase).not.toBe('start');
  });

  it('a dry run sends nothing: a broken target stops nothing there', () => {
    const dry = initialWizardState({ initial: { DatastoreTypeVersion: 'R4' }, given: ['DatastoreTypeVersion'], dryRun: true });
    expect(run(dry, { type: 'targetChecked', report: broken, version: 0 }).phase).not.toBe('start');
  });

  it('checking again makes a new check of the same target', () => {
    const state = run(fresh(), { type: 'chooseTarget', choice: { sandbox: false, profile: 'corp' } }, { type: 'recheckTarget' });
    expect(state).toMatchObject({ chosenProfile: 'corp', targetVersion: 2 });
  });
});

describe('the start screen for a broken target', () => {
  it('offers the Regions when none is set, a check again otherwise, and the sandbox when there are no credentials', async () => {
    const { startOptions } = await import('../../src/wizard-flow/start-options.js');
    const none = { presets: [], pending: [], credentialsMissing: false };
    expect(startOptions(none, false, ['NoRegion']).map((option) => option.label)).toEqual(['Choose a Region…', 'Start fresh']);
    expect(startOptions(none, false, ['SsoTokenExpired']).map((option) => option.label)).toEqual(['Change the target…', 'Check again', 'Start fresh']);
    // No Region, and credentials that fail: the Region to choose, and checking again once they are mended.
    expect(startOptions(none, false, ['SsoTokenExpired', 'NoRegion']).map((option) => option.label)).toEqual(['Choose a Region…', 'Check again', 'Start fresh']);
    expect(startOptions(none, false, ['NoCredentials']).map((option) => option.kind)).toEqual(['target', 'recheck', 'sandbox', 'fresh']);
    expect(startOptions({ ...none, credentialsMissing: true }, false, ['NoCredentials']).map((option) => option.kind)).toEqual(['sandbox', 'target', 'recheck', 'fresh', 'fresh']);
    expect(startOptions(none, false).map((option) => option.label)).toEqual(['Start fresh', 'Change the target…']);
  });
});
