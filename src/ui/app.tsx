/**
 * The app: one reducer for the flow, the screens chosen by its phase, and the injected side effects. Nothing
 * here imports the AWS SDK or the store; they come through `createApp(deps)` and load after the first frame.
 */
import { Box, Text} from 'ink';
import { lazy, Suspense, useEffect, useEffectEvent, useMemo, useReducer, useRef, useState, type ReactElement } from 'react';
import type { CreateOptions, GlobalOptions } from '../options.js';
import { EXIT } from '../options.js';
import type { TargetReport } from '../aws/types.js';
import type { WizardStore } from '../store/types.js';
import type { DatastoreChoice } from './effects/datastore-choices.js';
import { QuitDialog } from './components/quit-dialog.js';
import { useConnection } from './effects/use-connection.js';
import { useStartChoices, withoutClientToken } from './effects/use-start-choices.js';
import { useStatusWatch } from './effects/use-status-watch.js';
import { savePresetAs, useSubmission } from './effects/use-submission.js';
import type { AppDeps } from './effects/app-deps.js';
import { answerIssues, hasErrors, requestFromAnswers } from '../wizard-flow/issues.js';
import { presetPolicyLine, presetPolicyProblem } from '../wizard-flow/preset-policy.js';
import { canChangeTarget, initialWizardState, needsClientToken, watchingWizardState, wizardReducer, type InitialFlow } from '../wizard-flow/reducer.js';
import { targetChoiceOf, type WizardEvent, type WizardState } from '../wizard-flow/state.js';
import { regionNotOffered } from '../wizard-flow/target-words.js';
import { EditScreen } from './screens/edit-screen.js';
import { Header } from './components/header.js';
import { StartScreen } from './start/start-screen.js';
import { DatastorePickerScreen } from './status/datastore-picker-screen.js';
import { TargetPicker } from './start/target-picker.js';
import { StatusPanel } from './status/status-panel.js';
import { AppCommands, useCommands } from './use-commands.js';
import { KeyRouter } from './use-keys.js';

export type { AppDeps, Connection } from './effects/app-deps.js';

// The review screen brings the YAML and CloudFormation renderers: loaded when first needed.
const ReviewScreen = lazy(() => import('./review/review-screen.js'));

/**
 * What the app is asked to do: run the wizard, or show the status panel of an existing data store (without an
 * id: after a picker over the Region's data stores and the local history).
 */
export type AppInput =
  | {
      mode: 'wizard';
      flow: InitialFlow;
      options: CreateOptions;
      /**
       * Makes a fresh ClientToken for a run that has none: at once when it opens on the review (which shows the
       * request), else after the first frame, which Web Crypto's first use would hold up.
       */
      newClientToken?: () => string;
    }
  | { mode: 'status'; datastoreId?: string; sandbox: boolean; options: GlobalOptions };

/** The app's input once the data store to follow is known. */
type ResolvedInput = Exclude<AppInput, { mode: 'status' }> | (Extract<AppInput, { mode: 'status' }> & { datastoreId: string });

function startState(input: ResolvedInput, now: number): WizardState {
  if (input.mode === 'wizard') {
    const state = initialWizardState(input.flow);
    return state.phase === 'review' && input.newClientToken && needsClientToken(state) ? wizardReducer(state, { type: 'clientTokenMade', token: input.newClientToken() }) : state;
  }
  const placeholder = { DatastoreId: input.datastoreId, DatastoreArn: '', DatastoreStatus: 'CREATING' as const, DatastoreEndpoint: '' };
  return watchingWizardState(placeholder, now, input.sandbox);
}

function resumeHint(datastoreId: string): string {
  return `The data store ${datastoreId} goes on being created. Follow it with:\n  healthlake-wizard status ${datastoreId}\n`;
}

/** Builds the root element for Ink's `render`. */
export function createApp(deps: AppDeps, input: AppInput): ReactElement {
  return (
    <KeyRouter>
      {input.mode === 'status' && input.datastoreId === undefined ? <StatusChooser deps={deps} input={input} /> : <WizardApp deps={deps} input={input as ResolvedInput} />}
    </KeyRouter>
  );
}

/** `status` without an id: the picker, then the status panel of the data store picked, connected where it lives. */
function StatusChooser({ deps, input }: { deps: AppDeps; input: Extract<AppInput, { mode: 'status' }> }) {
  const store = useMemo(() => new Promise<WizardStore | undefined>((resolve) => setTimeout(() => resolve(deps.openStore().catch(() => undefined)), 0)), [deps]);
  // The picker lists where the command line points (no target picker here); its check names it in the header.
  const [target, setTarget] = useState<TargetReport>();
  const { connection, closeAll } = useConnection(
    deps,
    { choice: { sandbox: input.sandbox }, version: 0 },
    store,
    (event) => {
      if (event.type === 'targetChecked') setTarget(event.report);
    },
    true,
  );
  // The status panel's deps are made once, at the pick: a new object on each render would reopen the store.
  const [picked, setPicked] = useState<{ choice: DatastoreChoice; deps: AppDeps }>();
  const [leaving, setLeaving] = useState(false);
  const leave = () => {
    setLeaving(true);
    void closeAll().finally(() => deps.exit(EXIT.interrupted, 'Nothing was chosen.\n'));
  };
  // Ctrl+C leaves the picker with nothing chosen; the picker's footer shows it (the status panel has its own).
  const appCommands = useCommands({ quit: !picked && leave }, { isActive: !leaving });
  const pick = (choice: DatastoreChoice) => {
    const { entry } = choice;
    // The picker's connection serves the status panel when the data store is in the same place: listed from
    // there, or anything under --sandbox (a history entry is followed in the sandbox then, as optionsForEntry says).
    const samePlace = entry === undefined || input.sandbox;
    setPicked({ choice, deps: { ...deps, connect: (target, opened) => (samePlace ? connection() : deps.connect(target, opened, entry)) } });
  };
  if (picked) {
    const { choice } = picked;
    return <WizardApp deps={picked.deps} input={{ ...input, datastoreId: choice.datastoreId, sandbox: input.sandbox || choice.entry?.sandbox === true }} />;
  }
  return (
    <AppCommands.Provider value={appCommands}>
      <DatastorePickerScreen store={store} connection={connection} target={target} sandbox={input.sandbox} onPick={pick} onBack={leave} isActive={!leaving} />
    </AppCommands.Provider>
  );
}

function WizardApp({ deps, input }: { deps: AppDeps; input: ResolvedInput }) {
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => startState(input, deps.now()));
  // A ClientToken not made at the start (the run opened on a step, not the review) is made after the first frame,
  // once: one the person clears later stays cleared.
  const [tokenAfterFrame] = useState(() => (input.mode === 'wizard' && needsClientToken(state) ? input.newClientToken : undefined));
  useEffect(() => {
    if (tokenAfterFrame) dispatch({ type: 'clientTokenMade', token: tokenAfterFrame() });
  }, [tokenAfterFrame]);
  // Opened once, after the first frame (the timer lets Ink paint before the store is loaded).
  const store = useMemo(() => new Promise<WizardStore | undefined>((resolve) => setTimeout(() => resolve(deps.openStore().catch(() => undefined)), 0)), [deps]);
  const [openedStore, setOpenedStore] = useState<WizardStore>();
  useEffect(() => {
    void store.then(setOpenedStore);
  }, [store]);
  // The target is checked in the background; its Region joins the flow (a KMS key or Lambda ARN in another
  // Region is an error), its problem stops creating.
  const { connection, closeAll } = useConnection(deps, { choice: targetChoiceOf(state), version: state.targetVersion }, store, dispatch, !state.dryRun);
  const target = state.targetReport;
  // A dry run sends nothing, so it needs no credentials.
  const askCredentials = input.mode === 'wizard' && !input.options.sandbox && !input.options.endpointUrl && !input.options.dryRun;
  useStartChoices(deps, store, askCredentials, input.mode === 'wizard', dispatch);
  // `--save-preset NAME`: honoured on every path that ends with a request (created, printed, or quit from review).
  const presetName = input.mode === 'wizard' ? input.options.savePreset : undefined;

  const leave = (code: number, farewell?: string) => {
    void closeAll().finally(() => deps.exit(code, farewell));
  };
  // Leaving once the last frame is drawn: after a dialog, the dialog is taken off the screen first, so the last
  // frame left on the terminal does not show a question that was already answered; after the watch, the panel
  // shows the last events dispatched. React renders an update in a later task, so the exit waits for the commit
  // of the updates made with it: that is what this effect is for.
  const [leaving, setLeaving] = useState<{ code: number; farewell?: string }>();
  const leaveAfterFrame = (code: number, farewell?: string) => setLeaving({ code, farewell });
  const leaveNow = useEffectEvent(leave);
  useEffect(() => {
    if (leaving) leaveNow(leaving.code, leaving.farewell);
  }, [leaving]);
  // The end of the watch (its outcome and the tags' answer dispatched) ends the app; the last frame stays on the
  // terminal (the endpoint, the expiry and the next steps remain readable after exit).
  const onWatchDone = (outcome: 'active' | 'failed') => {
    if (outcome === 'active') deps.ring();
    leaveAfterFrame(outcome === 'active' ? EXIT.ok : EXIT.service);
  };
  const watch = useStatusWatch(dispatch, connection, deps.now, onWatchDone);
  const submit = useSubmission(dispatch, deps, connection, store, presetName, (result) => watch(result.DatastoreId));
  // Effects start from the events that cause them: the event that enters `submitting` (the confirmation's
  // `submit`, the start screen's `resume`) starts the submission with the state it makes.
  const dispatchAndSubmit = (event: WizardEvent) => {
    const next = wizardReducer(state, event);
    dispatch(event);
    if (state.phase !== 'submitting' && next.phase === 'submitting') submit(next);
  };
  // The status command starts watching at once.
  const watchFromStart = useEffectEvent(() => {
    if (state.phase === 'watching' && state.watch) watch(state.watch.result.DatastoreId);
  });
  useEffect(() => watchFromStart(), []);
  const printing = useRef(false);
  const reviewValid = state.phase === 'review' && !hasErrors(answerIssues(state.answers, state));
  // The review's primary action: the confirmation before creating, or with --dry-run the request printed on exit.
  const onPrimary = () => {
    if (!state.dryRun) {
      dispatch({ type: 'openDialog', dialog: 'confirm-submit' });
      return;
    }
    if (!reviewValid || printing.current) return;
    printing.current = true;
    void (async () => {
      if (presetName !== undefined) savePresetAs(await store, presetName, state, deps.report);
      const printed = await deps.renderDryRun(requestFromAnswers(state.answers));
      leaveAfterFrame(EXIT.ok, printed);
    })().catch((error: unknown) => {
      leaveAfterFrame(EXIT.other, `healthlake-wizard: the request cannot be printed: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  };
  // Quitting from a valid review with --save-preset saves the answers (the quit dialog says so first).
  const quitSaves = presetName !== undefined && reviewValid;
  const quit = () => {
    if (quitSaves) {
      void store.then((opened) => {
        const saved = savePresetAs(opened, presetName, state, deps.report);
        leaveAfterFrame(EXIT.interrupted, saved ? `Answers saved as preset "${presetName}"; nothing was sent.\n` : 'Nothing was sent.\n');
      });
    } else {
      leaveAfterFrame(EXIT.interrupted, 'Answers discarded; nothing was sent.\n');
    }
  };

  const outcome = state.phase === 'done' ? EXIT.ok : state.phase === 'failed' ? EXIT.service : undefined;

  // The review's pre-flight checks run against the chosen target (the connection on hand when they start; a new
  // choice remounts the review); --no-preflight shows that they were skipped.
  const preflightSource = useMemo(
    () => (input.mode === 'wizard' && input.options.preflight === false ? ('skipped' as const) : () => connection().then((opened) => opened.preflight)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the connection getter follows the chosen target
    [state.targetVersion],
  );
  // The pickers list from the chosen target (or the sandbox); each list loads once per target choice.
  const where = state.sandbox ? 'the sandbox' : (target?.target?.region ?? state.chosenRegion ?? 'the Region');
  const resources = useMemo(
    () => ({ source: () => connection().then((opened) => opened.resources), where }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the connection getter follows the chosen target
    [state.targetVersion, where],
  );
  const beforeSubmit = state.phase === 'start' || state.phase === 'editing' || state.phase === 'review';
  const quitting = state.dialog === 'confirm-quit' && !leaving;
  const active = !quitting && !leaving;
  // Ctrl+T opens the target picker from any screen before sending; Ctrl+C asks first before anything is sent
  // (the quit dialog then has the keys, Ctrl+C again included). Footers show Ctrl+C, and Ctrl+T where they can.
  const appCommands = useCommands(
    {
      changeTarget: state.dialog === 'none' && canChangeTarget(state) && (() => dispatch({ type: 'openDialog', dialog: 'change-target' })),
      quit: () => onQuitKey(),
    },
    { isActive: active },
  );
  const onQuitKey = () => {
    if (beforeSubmit) {
      dispatch({ type: 'openDialog', dialog: 'confirm-quit' });
    } else if (state.phase === 'submitting') {
      leave(EXIT.interrupted, 'Interrupted while sending. The client token is kept: start the wizard again to resume, without creating a second data store.\n');
    } else if (state.phase === 'watching' && state.watch) {
      leave(EXIT.interrupted, resumeHint(state.watch.result.DatastoreId));
    } else if (outcome !== undefined) {
      leave(outcome);
    }
  };

  let screen: ReactElement;
  switch (state.dialog === 'change-target' ? 'target' : state.phase) {
    case 'target':
      screen = (
        <Box flexDirection="column">
          {/* The picker is the fix: the header does not repeat it. */}
          <Header target={target} sandbox={state.sandbox} dryRun={state.dryRun} problemShownBelow />
          <Box marginTop={1}>
            <TargetPicker
              loadProfiles={deps.listProfiles}
              current={targetChoiceOf(state)}
              {...(state.region ? { region: state.region } : {})}
              // No Region, or one without HealthLake: the Regions are what to choose.
              startAt={(target?.ok === false && target.problem.code === 'NoRegion') || regionNotOffered(target) ? 'region' : 'profile'}
              onChoose={(choice) => dispatch({ type: 'chooseTarget', choice })}
              onCancel={() => dispatch({ type: 'closeDialog' })}
              isActive={active}
            />
          </Box>
        </Box>
      );
      break;
    case 'start':
      screen = <StartScreen choices={state.start ?? NO_START_CHOICES} sandbox={state.sandbox} dryRun={state.dryRun} target={target} dispatch={dispatchAndSubmit} isActive={active} />;
      break;
    case 'editing':
      screen = <EditScreen state={state} dispatch={dispatch} target={target} resources={resources} isActive={active} />;
      break;
    case 'review':
      screen = (
        <Suspense fallback={<Text dimColor>Preparing the review…</Text>}>
          <ReviewScreen
            state={state}
            dispatch={dispatchAndSubmit}
            target={target}
            options={input.options}
            isActive={active}
            savePreset={(name) => savePreset(openedStore, name, state, dispatch)}
            writeFile={deps.writeFile}
            onPrimary={onPrimary}
            preflight={preflightSource}
          />
        </Suspense>
      );
      break;
    case 'submitting':
      screen = <Text>{state.resuming ? 'Resuming the pending submission…' : 'Creating the data store…'}</Text>;
      break;
    default:
      screen = state.watch ? <StatusPanel watch={state.watch} phase={state.phase} sandbox={state.sandbox} target={target} now={deps.now} /> : <Text />;
  }
  return (
    <AppCommands.Provider value={appCommands}>
      <Box flexDirection="column">
        {screen}
        {quitting ? <QuitDialog savesPreset={quitSaves ? presetName : undefined} onQuit={quit} onStay={() => dispatch({ type: 'closeDialog' })} isActive /> : null}
      </Box>
    </AppCommands.Provider>
  );
}

/** Before the store is read the start screen may already be shown (a broken target): it offers nothing else yet. */
const NO_START_CHOICES = { presets: [], pending: [], credentialsMissing: false };

function savePreset(openedStore: WizardStore | undefined, name: string, state: WizardState, dispatch: (event: { type: 'presetSaved'; name: string }) => void): string | undefined {
  if (!openedStore) return 'The local store is not available; the preset cannot be saved.';
  const broken = presetPolicyProblem(state.policy, state.answers, name);
  if (broken) return presetPolicyLine(broken);
  try {
    openedStore.presets.save(name, withoutClientToken(state.answers));
    dispatch({ type: 'presetSaved', name });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
