/**
 * The app: one reducer for the flow, the screens chosen by its phase, and the injected side effects. Nothing
 * here imports the AWS SDK or the store; they come through `createApp(deps)` and load after the first frame.
 */
import { Box, Text} from 'ink';
import { lazy, Suspense, useEffect, useMemo, useReducer, useRef, useState, type ReactElement } from 'react';
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
import { answerIssues, hasErrors, requestFromAnswers } from './flow/issues.js';
import { initialWizardState, watchingWizardState, wizardReducer, type InitialFlow } from './flow/reducer.js';
import { targetChoiceOf, type WizardState } from './flow/state.js';
import { matches } from './keys.js';
import { EditScreen } from './screens/edit-screen.js';
import { Header } from './components/header.js';
import { StartScreen } from './start/start-screen.js';
import { DatastorePickerScreen } from './status/datastore-picker-screen.js';
import { TargetPicker } from './start/target-picker.js';
import { StatusPanel } from './status/status-panel.js';
import { KeyRouter, useKeys } from './use-keys.js';

export type { AppDeps, Connection } from './effects/app-deps.js';

// The review screen brings the YAML and CloudFormation renderers: loaded when first needed.
const ReviewScreen = lazy(() => import('./review/review-screen.js'));

/**
 * What the app is asked to do: run the wizard, or show the status panel of an existing data store (without an
 * id: after a picker over the Region's data stores and the local history).
 */
export type AppInput =
  | { mode: 'wizard'; flow: InitialFlow; options: CreateOptions }
  | { mode: 'status'; datastoreId?: string; sandbox: boolean; options: GlobalOptions };

/** The app's input once the data store to follow is known. */
type ResolvedInput = Exclude<AppInput, { mode: 'status' }> | (Extract<AppInput, { mode: 'status' }> & { datastoreId: string });

function startState(input: ResolvedInput, now: number): WizardState {
  if (input.mode === 'wizard') return initialWizardState(input.flow);
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
  useKeys((inputKey, key) => {
    if (!picked && matches('quit', inputKey, key)) leave();
  });
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
  return <DatastorePickerScreen store={store} connection={connection} target={target} sandbox={input.sandbox} onPick={pick} onBack={leave} isActive={!leaving} />;
}

function WizardApp({ deps, input }: { deps: AppDeps; input: ResolvedInput }) {
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => startState(input, deps.now()));
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
  useSubmission(state, dispatch, deps, connection, store, presetName);
  useStatusWatch(state, dispatch, connection, deps.now);

  const leave = (code: number, farewell?: string) => {
    void closeAll().finally(() => deps.exit(code, farewell));
  };
  // Leaving after a dialog: the dialog is taken off the screen first, so the last frame left on the terminal
  // does not show a question that was already answered.
  const [leaving, setLeaving] = useState<{ code: number; farewell?: string }>();
  useEffect(() => {
    if (leaving) leave(leaving.code, leaving.farewell);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when leaving is decided
  }, [leaving]);
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
      if (presetName !== undefined) savePresetAs(await store, presetName, state.answers, deps.report);
      const printed = await deps.renderDryRun(requestFromAnswers(state.answers));
      setLeaving({ code: EXIT.ok, farewell: printed });
    })().catch((error: unknown) => {
      setLeaving({ code: EXIT.other, farewell: `healthlake-wizard: the request cannot be printed: ${error instanceof Error ? error.message : String(error)}\n` });
    });
  };
  // Quitting from a valid review with --save-preset saves the answers (the quit dialog says so first).
  const quitSaves = presetName !== undefined && reviewValid;
  const quit = () => {
    if (quitSaves) {
      void store.then((opened) => {
        const saved = savePresetAs(opened, presetName, state.answers, deps.report);
        setLeaving({ code: EXIT.interrupted, farewell: saved ? `Answers saved as preset "${presetName}"; nothing was sent.\n` : 'Nothing was sent.\n' });
      });
    } else {
      setLeaving({ code: EXIT.interrupted, farewell: 'Answers discarded; nothing was sent.\n' });
    }
  };

  const outcome = state.phase === 'done' ? EXIT.ok : state.phase === 'failed' ? EXIT.service : undefined;
  useEffect(() => {
    if (outcome === undefined) return;
    if (outcome === EXIT.ok) deps.ring();
    // The last frame stays on the terminal: the endpoint and the next steps remain readable after exit.
    const timer = setTimeout(() => leave(outcome), 50);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per outcome
  }, [outcome]);

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
  useKeys((inputKey, key) => {
    if (matches('changeTarget', inputKey, key)) {
      if (state.dialog === 'none') dispatch({ type: 'openDialog', dialog: 'change-target' });
      return;
    }
    if (!matches('quit', inputKey, key)) return;
    if (beforeSubmit) {
      if (state.dialog !== 'confirm-quit') dispatch({ type: 'openDialog', dialog: 'confirm-quit' });
    } else if (state.phase === 'submitting') {
      leave(EXIT.interrupted, 'Interrupted while sending. The client token is kept: start the wizard again to resume, without creating a second data store.\n');
    } else if (state.phase === 'watching' && state.watch) {
      leave(EXIT.interrupted, resumeHint(state.watch.result.DatastoreId));
    } else if (outcome !== undefined) {
      leave(outcome);
    }
  });

  const quitting = state.dialog === 'confirm-quit' && !leaving;
  const active = !quitting && !leaving;
  let screen: ReactElement;
  switch (state.dialog === 'change-target' ? 'target' : state.phase) {
    case 'target':
      screen = (
        <Box flexDirection="column">
          <Header target={target} sandbox={state.sandbox} dryRun={state.dryRun} />
          <Box marginTop={1}>
            <TargetPicker
              loadProfiles={deps.listProfiles}
              current={targetChoiceOf(state)}
              {...(state.region ? { region: state.region } : {})}
              startAt={target?.ok === false && target.problem.code === 'NoRegion' ? 'region' : 'profile'}
              onChoose={(choice) => dispatch({ type: 'chooseTarget', choice })}
              onCancel={() => dispatch({ type: 'closeDialog' })}
              isActive={active}
            />
          </Box>
        </Box>
      );
      break;
    case 'start':
      screen = <StartScreen choices={state.start ?? NO_START_CHOICES} sandbox={state.sandbox} dryRun={state.dryRun} target={target} dispatch={dispatch} isActive={active} />;
      break;
    case 'editing':
      screen = <EditScreen state={state} dispatch={dispatch} target={target} resources={resources} isActive={active} />;
      break;
    case 'review':
      screen = (
        <Suspense fallback={<Text dimColor>Preparing the review…</Text>}>
          <ReviewScreen
            state={state}
            dispatch={dispatch}
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
    <Box flexDirection="column">
      {screen}
      {quitting ? <QuitDialog savesPreset={quitSaves ? presetName : undefined} onQuit={quit} onStay={() => dispatch({ type: 'closeDialog' })} isActive /> : null}
    </Box>
  );
}

/** Before the store is read the start screen may already be shown (a broken target): it offers nothing else yet. */
const NO_START_CHOICES = { presets: [], pending: [], credentialsMissing: false };

function savePreset(openedStore: WizardStore | undefined, name: string, state: WizardState, dispatch: (event: { type: 'presetSaved'; name: string }) => void): string | undefined {
  if (!openedStore) return 'The local store is not available; the preset cannot be saved.';
  try {
    openedStore.presets.save(name, withoutClientToken(state.answers));
    dispatch({ type: 'presetSaved', name });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
