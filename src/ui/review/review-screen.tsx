/**
 * The review screen: the answers table with the primary action under it (selected from the start, so Enter
 * goes forward), the preview tabs, each long answer viewable whole; edit any field, save a preset, create after
 * an explicit confirmation (or, with `--dry-run`, print the request). Loaded lazily (it brings the YAML and
 * CloudFormation renderers).
 */
import { Box, Text, useStdout } from 'ink';
import { useState, type Dispatch } from 'react';
import { describeTarget } from '../../aws/pending-submission.js';
import type { TargetReport } from '../../aws/types.js';
import type { GlobalOptions } from '../../options.js';
import { Footer } from '../components/footer.js';
import { Header, headerHeading } from '../components/header.js';
import { answerIssues, fixInWizardWords, hasErrors, inWizardWords, requestFromAnswers } from '../../wizard-flow/issues.js';
import { targetBlocker, type WizardEvent, type WizardState } from '../../wizard-flow/state.js';
import { targetProblems } from '../../wizard-flow/target-words.js';
import { keyName, type Command } from '../keys.js';
import { answerRows } from '../../wizard-flow/answer-rows.js';
import { AnswersTable, isCutInTable } from './answers-table.js';
import { ConfirmSubmitDialog } from './confirm-submit-dialog.js';
import { maxPreviewOffset, PreviewPane } from './preview-pane.js';
import { PREVIEW_TABS, type PreviewTab } from './previews.js';
import { PrimaryAction } from './primary-action.js';
import { SavePresetDialog } from './save-preset-dialog.js';
import { TabBar } from './tab-bar.js';
import { useCommands } from '../use-commands.js';
import { MARK } from '../../wizard-flow/marks.js';
import { usePreflight, type PreflightSource } from '../effects/use-preflight.js';
import { PreflightList, preflightText } from './preflight-list.js';
import { wrapWords } from '../../wizard-flow/wrap-words.js';

/** Props of `ReviewScreen`. */
export interface ReviewScreenProps {
  state: WizardState;
  dispatch: Dispatch<WizardEvent>;
  target?: TargetReport;
  options: GlobalOptions;
  /** Saves a preset; returns an error message or undefined. */
  savePreset: (name: string) => string | undefined;
  /** Writes a preview to a new file in the current directory; returns its path. */
  writeFile: (fileName: string, text: string) => string;
  /** The primary action: opens the confirmation, or with `--dry-run` prints the request and ends. */
  onPrimary: () => void;
  /** The pre-flight checks' runner (`skipped` with --no-preflight); absent: no checks are shown. */
  preflight?: PreflightSource;
  isActive: boolean;
}

/** Rows the Answers tab always takes besides the table and the checks: the header's first line, title, tabs, margin, the action and the footer with their margins. */
const REVIEW_CHROME_ROWS = 8;

/** The last tab: every pre-flight check with its cause and fix (← from Answers reaches it). */
const CHECKS_TAB = 'Checks';
const TITLES = ['Answers', ...PREVIEW_TABS.map((tab) => tab.title), CHECKS_TAB];

/** Review, preview, save, create. */
export default function ReviewScreen({ state, dispatch, target, options, savePreset, writeFile, onPrimary, preflight, isActive }: ReviewScreenProps) {
  const { stdout } = useStdout();
  const width = stdout.columns || 80;
  const height = stdout.rows || 24;
  const [tab, setTab] = useState(0);
  const rows = answerRows(state.answers, state);
  const highlighted = state.submitError?.field;
  // The primary action (index rows.length) is selected unless a row needs attention; a new submission error
  // selects again (the selection belongs to the error it was made under).
  const attention = () => {
    const index = rows.findIndex((row) => row.path === highlighted || row.issues.length > 0);
    return index === -1 ? rows.length : index;
  };
  const [selection, setSelection] = useState(() => ({ under: state.submitError, index: attention() }));
  const selected = selection.under === state.submitError ? selection.index : attention();
  const setSelected = (index: number) => setSelection({ under: state.submitError, index });
  const [scroll, setScroll] = useState(0);
  /** What `w` did: the file written, or why it could not be. */
  const [written, setWritten] = useState<{ ok: boolean; text: string }>();
  const preview = tab > 0 ? PREVIEW_TABS[tab - 1] : undefined;
  const onChecks = TITLES[tab] === CHECKS_TAB;
  // The selected row's value shown whole in the pane (long metadata, a Lambda ARN, 200 tags).
  const [viewing, setViewing] = useState(false);
  const row = Math.min(selected, rows.length);
  const onAction = row === rows.length;
  const current = rows[row];
  const request = requestFromAnswers(state.answers);
  const issues = answerIssues(state.answers, state);
  const blocked = hasErrors(issues);
  // Problems no row shows: the team policy's rules on the target (the Region, the account).
  const unplaced = issues.filter((issue) => issue.severity === 'error' && !rows.some((candidate) => candidate.issues.includes(issue)));
  // Create is not offered while the target is broken: what is wrong, and how to fix it, instead.
  const stopped = targetBlocker(state) ? targetProblems(state.targetReport) : undefined;
  // Their lines as drawn (wrapped here, so that they are counted as they are shown).
  const stoppedLines = stopped ? blockerLines(stopped, width) : [];
  const header = { target, sandbox: state.sandbox, dryRun: state.dryRun, problemShownBelow: stopped !== undefined };
  // The header's lines beyond its first (the identity, a warning): counted so the header never scrolls off.
  const headerMore = headerHeading(header, width).more.length;
  // The checks run for a request without errors, again after each edit; results fill the list as they come.
  // They ask the target's account, so they wait for its check: while it runs, a missing Region would fail them
  // all with the command line's words; when it is broken, the lines above say what to fix instead.
  const targetWorks = state.targetReport?.ok === true;
  const checks = usePreflight(blocked || !targetWorks ? undefined : request, preflight);
  const shownChecks = preflight === 'skipped' ? 'skipped' : checks;
  const dialogOpen = state.dialog !== 'none';
  // The lines that may come besides: the selected row's problem with its fix, and the status lines under the body
  // (the target's problem, the policy's problems no row shows).
  const statusRows =
    (current && current.issues.length > 0 ? 3 : 0) +
    (state.submitError ? 3 : 0) +
    (stopped ? 1 + stoppedLines.length : 0) +
    unplaced.length * 2 +
    (blocked ? 1 : 0) +
    (state.notice ? 1 : 0) +
    (written ? 1 : 0) +
    (state.resuming ? 2 : 0);
  const canViewWhole = tab === 0 && current !== undefined && (current.whole.includes('\n') || isCutInTable(rows, current, width));

  const closeWhole = () => {
    setViewing(false);
    setScroll(0);
  };
  const showTab = (next: number) => {
    setTab(next);
    setScroll(0);
  };
  const action: Command = state.dryRun ? 'printRequest' : 'create';
  // A pending submission is resent as it was: no edit, no going back into the steps. On a preview `w` writes it.
  const editing = tab === 0 && current !== undefined && !state.resuming;
  // Header, tabs, footer, status lines and margins take about 9 rows; the rest is for the table or preview.
  const bodyHeight = Math.max(5, height - 10 - headerMore - Math.max(0, (stopped ? 1 + stoppedLines.length : 0) - 3));
  // What the pane shows when it shows one (a value viewed whole, the checks, a preview), and how far it scrolls.
  const paneText = viewing && current ? current.whole : tab === 0 ? undefined : onChecks ? preflightText(shownChecks, blocked ? 'answers' : 'target') : preview!.render(request, options);
  const maxScroll = paneText === undefined ? 0 : maxPreviewOffset(paneText, viewing ? bodyHeight - 1 : bodyHeight, width, viewing || onChecks ? 'prose' : preview?.layout);
  const top = Math.min(scroll, maxScroll);
  // ↑↓ scroll a pane only where there is more to see, each only where it moves it.
  const scrolling = {
    scrollUp: top > 0 && (() => setScroll(top - 1)),
    scrollDown: top < maxScroll && (() => setScroll(top + 1)),
  };
  const commands = useCommands(
    viewing
      ? { ...scrolling, viewWhole: closeWhole, back: closeWhole }
      : {
          // Enter: edits the selected row of the table, else runs the primary action (also from a preview tab).
          // While the target is broken create is not offered at all: Enter on the action does nothing, so it is not bound.
          [editing ? 'editRow' : action]: (editing || !stopped) && (() => (editing ? dispatch({ type: 'jumpTo', path: current.path }) : onPrimary())),
          up: tab === 0 && (() => setSelected((row - 1 + rows.length + 1) % (rows.length + 1))),
          down: tab === 0 && (() => setSelected((row + 1) % (rows.length + 1))),
          ...(tab === 0 ? {} : scrolling),
          viewWhole: canViewWhole && (() => {
            setViewing(true);
            setScroll(0);
          }),
          writeFile: preview && (() => setWritten(writePreview(preview, preview.render(request, options), writeFile))),
          nextTab: () => showTab((tab + 1) % TITLES.length),
          previousTab: () => showTab((tab - 1 + TITLES.length) % TITLES.length),
          savePreset: () => dispatch({ type: 'openDialog', dialog: 'save-preset' }),
          // Create (or print, with --dry-run) from anywhere: on a row Enter edits; elsewhere Enter's hint covers it.
          [editing ? (state.dryRun ? 'submitDryRun' : 'submit') : state.dryRun ? 'alsoPrint' : 'alsoCreate']: !stopped && onPrimary,
          back: !state.resuming && (() => dispatch({ type: 'back' })),
        },
    { isActive: isActive && !dialogOpen },
  );
  return (
    <Box flexDirection="column">
      <Header {...header} />
      <Text>
        <Text bold>Review</Text>
        <Text dimColor>{state.dryRun ? ' — check every answer; the request is printed, never sent.' : ' — check every answer; nothing is sent until you confirm.'}</Text>
      </Text>
      <TabBar titles={TITLES} active={tab} width={width} />
      <Box marginTop={1} flexDirection="column">
        {state.dialog === 'confirm-submit' ? (
          <ConfirmSubmitDialog
            rows={rows}
            request={request}
            sandbox={state.sandbox}
            target={target}
            onConfirm={() => dispatch({ type: 'submit' })}
            onCancel={() => dispatch({ type: 'closeDialog' })}
            failedChecks={checks?.checks.flatMap(({ result }) => (result?.status === 'failed' ? [result.title] : [])) ?? []}
            isActive={isActive}
          />
        ) : state.dialog === 'save-preset' ? (
          <SavePresetDialog onSave={savePreset} onCancel={() => dispatch({ type: 'closeDialog' })} isActive={isActive} />
        ) : viewing && current ? (
          <Box flexDirection="column">
            <Text bold>{current.label}</Text>
            <PreviewPane text={current.whole} offset={top} height={bodyHeight - 1} width={width} />
          </Box>
        ) : tab === 0 ? (
          <>
            <AnswersTable rows={rows} selected={row} highlightedField={highlighted} width={width} />
            <PrimaryAction
              label={state.dryRun ? 'Print request' : stopped ? `Cannot create until the target works (${keyName('changeTarget')} changes it)` : 'Create data store'}
              selected={onAction}
              blocked={blocked || stopped !== undefined}
            />
            {preflight ? <PreflightList preflight={shownChecks} checksTab={CHECKS_TAB} maxLines={height - rows.length - REVIEW_CHROME_ROWS - headerMore - statusRows} /> : null}
          </>
        ) : onChecks ? (
          <PreviewPane text={paneText ?? ''} offset={top} height={bodyHeight} width={width} />
        ) : (
          <PreviewPane text={paneText ?? ''} offset={top} height={bodyHeight} width={width} layout={preview?.layout} />
        )}
      </Box>
      {state.submitError ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color="red">{MARK.error} {state.submitError.message}</Text>
          <Text dimColor>  Fix: {fixInWizardWords(state.submitError, keyName)}</Text>
        </Box>
      ) : null}
      {stopped && !dialogOpen ? (
        <Box flexDirection="column" marginTop={1}>
          {stoppedLines.map((line, index) => (
            <Text key={index} color={line.problem ? 'red' : undefined} dimColor={!line.problem}>
              {line.text}
            </Text>
          ))}
        </Box>
      ) : null}
      {state.resuming && !dialogOpen ? (
        <Text color="yellow">
          The submission of {state.resuming.startedAt.slice(0, 16).replace('T', ' ')} to {describeTarget(state.resuming.target)} is still pending: Enter sends
          it there again with its ClientToken (never a second data store). It cannot be edited until its outcome is known.
        </Text>
      ) : null}
      {!dialogOpen
        ? unplaced.map((issue) => (
            <Box key={issue.message} flexDirection="column">
              <Text color="red">{MARK.error} {inWizardWords(issue).message}</Text>
              <Text dimColor>  Fix: {inWizardWords(issue, keyName).fix}</Text>
            </Box>
          ))
        : null}
      {blocked && !dialogOpen ? <Text color="red">{unplaced.length === issues.filter((issue) => issue.severity === 'error').length ? 'Fix the problems above' : `Fix the fields marked ${MARK.error}`} before {state.dryRun ? 'printing the request' : 'creating'}.</Text> : null}
      {state.notice && !dialogOpen ? <Text color="green">{state.notice}</Text> : null}
      {written && !dialogOpen ? <Text color={written.ok ? 'green' : 'red'}>{written.text}</Text> : null}
      <Box marginTop={1}>
        <Footer commands={commands} isActive={isActive && !dialogOpen} />
      </Box>
    </Box>
  );
}

/** The target's problems as the review draws them, wrapped to the width: what is wrong, each fix, and Ctrl+T. */
function blockerLines(stopped: readonly { message: string; fix: string }[], width: number): { text: string; problem: boolean }[] {
  const indented = (text: string) => wrapWords(text, width - 2).map((line) => ({ text: `  ${line}`, problem: false }));
  return [
    ...stopped.flatMap((problem, index) => [
      ...wrapWords(`${MARK.error} ${index === 0 ? 'Cannot create yet: ' : ''}${problem.message}`, width).map((text) => ({ text, problem: true })),
      ...indented(`Fix: ${problem.fix}`),
    ]),
    ...indented(`Or press ${keyName('changeTarget')} to change the target; every answer is kept.`),
  ];
}

/** Writes the tab's text to a new file; the line to show says where, or why not. */
function writePreview(tab: PreviewTab, text: string, writeFile: (fileName: string, text: string) => string): { ok: boolean; text: string } {
  try {
    return { ok: true, text: `${MARK.ok} Wrote the ${tab.title} preview to ${writeFile(tab.fileName, text)}` };
  } catch (error) {
    return { ok: false, text: `${MARK.error} Could not write ${tab.fileName}: ${(error as Error).message}` };
  }
}
