/**
 * The review screen: the answers table and the preview tabs; edit any field, save a preset, create after an
 * explicit confirmation. Loaded lazily (it brings the YAML and CloudFormation renderers).
 */
import { Box, Text, useStdout } from 'ink';
import { useState, type Dispatch } from 'react';
import type { Target } from '../../aws/types.js';
import type { GlobalOptions } from '../../options.js';
import { Footer } from '../components/footer.js';
import { Header } from '../components/header.js';
import { answerIssues, hasErrors, requestFromAnswers } from '../flow/issues.js';
import type { WizardEvent, WizardState } from '../flow/state.js';
import { matches, type Command } from '../keys.js';
import { answerRows } from './answer-rows.js';
import { AnswersTable } from './answers-table.js';
import { ConfirmSubmitDialog } from './confirm-submit-dialog.js';
import { PreviewPane } from './preview-pane.js';
import { PREVIEW_TABS, type PreviewTab } from './previews.js';
import { SavePresetDialog } from './save-preset-dialog.js';
import { TabBar } from './tab-bar.js';
import { useKeys } from '../use-keys.js';
import { MARK } from '../theme.js';

/** Props of `ReviewScreen`. */
export interface ReviewScreenProps {
  state: WizardState;
  dispatch: Dispatch<WizardEvent>;
  target?: Target | 'unresolved';
  options: GlobalOptions;
  /** Saves a preset; returns an error message or undefined. */
  savePreset: (name: string) => string | undefined;
  /** Writes a preview to a new file in the current directory; returns its path. */
  writeFile: (fileName: string, text: string) => string;
  isActive: boolean;
}

const TITLES = ['Answers', ...PREVIEW_TABS.map((tab) => tab.title)];

/** Review, preview, save, create. */
export default function ReviewScreen({ state, dispatch, target, options, savePreset, writeFile, isActive }: ReviewScreenProps) {
  const { stdout } = useStdout();
  const width = stdout.columns || 80;
  const height = stdout.rows || 24;
  const [tab, setTab] = useState(0);
  const rows = answerRows(state.answers);
  const highlighted = state.submitError?.field;
  const [selected, setSelected] = useState(() => Math.max(0, rows.findIndex((row) => row.path === highlighted || row.issues.length > 0)));
  const [scroll, setScroll] = useState(0);
  /** What `w` did: the file written, or why it could not be. */
  const [written, setWritten] = useState<{ ok: boolean; text: string }>();
  const preview = tab > 0 ? PREVIEW_TABS[tab - 1]! : undefined;
  const row = Math.min(selected, rows.length - 1);
  const request = requestFromAnswers(state.answers);
  const blocked = hasErrors(answerIssues(state.answers));
  const dialogOpen = state.dialog !== 'none';

  useKeys(
    (input, key) => {
      if (matches('nextTab', input, key)) {
        setTab((tab + 1) % TITLES.length);
        setScroll(0);
      } else if (matches('previousTab', input, key)) {
        setTab((tab - 1 + TITLES.length) % TITLES.length);
        setScroll(0);
      } else if (matches('up', input, key)) {
        if (tab === 0) setSelected((row - 1 + rows.length) % rows.length);
        else setScroll(Math.max(0, scroll - 1));
      } else if (matches('down', input, key)) {
        if (tab === 0) setSelected((row + 1) % rows.length);
        else setScroll(scroll + 1);
      } else if (matches('edit', input, key) || (tab === 0 && matches('select', input, key))) {
        dispatch({ type: 'jumpTo', path: rows[row]!.path });
      } else if (preview && matches('writeFile', input, key)) {
        setWritten(writePreview(preview, preview.render(request, options), writeFile));
      } else if (matches('savePreset', input, key)) {
        dispatch({ type: 'openDialog', dialog: 'save-preset' });
      } else if (matches('submit', input, key)) {
        dispatch({ type: 'openDialog', dialog: 'confirm-submit' });
      } else if (matches('back', input, key)) {
        dispatch({ type: 'back' });
      }
    },
    { isActive: isActive && !dialogOpen },
  );

  // On a preview, `w` takes the place of `e` in the footer (which must fit 80 columns); `e` still works.
  const footer: Command[] = preview ? ['choose', 'nextTab', 'writeFile'] : ['choose', 'edit', 'nextTab'];
  footer.push('savePreset', 'submit', 'back', 'quit');
  // Header, tabs, footer, status lines and margins take about 9 rows; the rest is for the table or preview.
  const bodyHeight = Math.max(5, height - 10);
  return (
    <Box flexDirection="column">
      <Header target={target} sandbox={state.sandbox} />
      <Text>
        <Text bold>Review</Text>
        <Text dimColor> — check every answer; nothing is sent until you confirm.</Text>
      </Text>
      <TabBar titles={TITLES} active={tab} width={width} />
      <Box marginTop={1} flexDirection="column">
        {state.dialog === 'confirm-submit' ? (
          <ConfirmSubmitDialog
            request={request}
            sandbox={state.sandbox}
            onConfirm={() => dispatch({ type: 'submit' })}
            onCancel={() => dispatch({ type: 'closeDialog' })}
            isActive={isActive}
          />
        ) : state.dialog === 'save-preset' ? (
          <SavePresetDialog onSave={savePreset} onCancel={() => dispatch({ type: 'closeDialog' })} isActive={isActive} />
        ) : tab === 0 ? (
          <AnswersTable rows={rows} selected={row} highlightedField={highlighted} width={width} />
        ) : (
          <PreviewPane text={preview!.render(request, options)} offset={scroll} height={bodyHeight} width={width} />
        )}
      </Box>
      {state.submitError ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color="red">{MARK.error} {state.submitError.message}</Text>
          <Text dimColor>  Fix: {state.submitError.fix}</Text>
        </Box>
      ) : null}
      {blocked && !dialogOpen ? <Text color="red">Fix the fields marked {MARK.error} before creating.</Text> : null}
      {state.notice && !dialogOpen ? <Text color="green">{state.notice}</Text> : null}
      {written && !dialogOpen ? <Text color={written.ok ? 'green' : 'red'}>{written.text}</Text> : null}
      <Box marginTop={1}>
        <Footer commands={dialogOpen ? [] : footer} />
      </Box>
    </Box>
  );
}

/** Writes the tab's text to a new file; the line to show says where, or why not. */
function writePreview(tab: PreviewTab, text: string, writeFile: (fileName: string, text: string) => string): { ok: boolean; text: string } {
  try {
    return { ok: true, text: `${MARK.ok} Wrote the ${tab.title} preview to ${writeFile(tab.fileName, text)}` };
  } catch (error) {
    return { ok: false, text: `${MARK.error} Could not write ${tab.fileName}: ${(error as Error).message}` };
  }
}
