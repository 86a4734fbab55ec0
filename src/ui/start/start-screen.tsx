/**
 * The start screen: the target's problem with its fix (and the picker to change it), no credentials (sandbox
 * offered), pending submissions to resume, fresh/last/preset.
 */
import { Box, Text} from 'ink';
import { useState, type Dispatch } from 'react';
import type { TargetReport } from '../../aws/types.js';
import { Footer } from '../components/footer.js';
import type { StartChoices, WizardEvent } from '../../wizard-flow/state.js';
import { ChoiceList } from '../inputs/choice/choice-list.js';
import { useChoice } from '../inputs/choice/use-choice.js';
import { Header } from '../components/header.js';
import { PresetPicker } from './preset-picker.js';
import { nothingConfigured, startOptions, type StartOption } from '../../wizard-flow/start-options.js';
import { useCommands } from '../use-commands.js';
import { MARK } from '../../wizard-flow/marks.js';
import { regionWarning, targetProblems } from '../../wizard-flow/target-words.js';
import { keyName } from '../keys.js';

/** Props of `StartScreen`. */
export interface StartScreenProps {
  choices: StartChoices;
  sandbox: boolean;
  /** `--dry-run`: the header says that nothing will be sent. */
  dryRun?: boolean;
  /** The target's check; undefined while it runs. */
  target?: TargetReport;
  dispatch: Dispatch<WizardEvent>;
  isActive: boolean;
}

/** Where to begin. */
export function StartScreen({ choices, sandbox, dryRun, target, dispatch, isActive }: StartScreenProps) {
  // A dry run sends nothing: its target cannot be wrong.
  const problems = sandbox || dryRun ? [] : targetProblems(target);
  const codes = problems.map((problem) => problem.code);
  const warning = sandbox || dryRun ? undefined : regionWarning(target, `press ${keyName('changeTarget')}`);
  const options = startOptions(choices, sandbox, codes, warning !== undefined);
  // Nothing configured at all: how to set AWS up (or the sandbox) says more than "no Region" or "no credentials".
  const nothing = nothingConfigured(choices, sandbox, codes);
  const [highlighted, setHighlighted] = useState(0);
  const [picking, setPicking] = useState(false);
  const choose = (option: StartOption) => {
    switch (option.kind) {
      case 'sandbox':
        return dispatch({ type: 'useSandbox' });
      case 'fresh':
        return dispatch({ type: 'startFresh' });
      case 'last':
        return dispatch({ type: 'startFrom', answers: option.answers, label: 'the last answers' });
      case 'presets':
        return setPicking(true);
      case 'resume':
        return dispatch({ type: 'resume', submission: option.submission });
      case 'target':
        return dispatch({ type: 'openDialog', dialog: 'change-target' });
      case 'recheck':
        return dispatch({ type: 'recheckTarget' });
    }
  };
  const listCommands = useChoice({ count: options.length, highlighted, onHighlight: setHighlighted, onPick: (index) => choose(options[index]!), isActive: isActive && !picking });
  const firstPending = choices.pending[0];
  const ownCommands = useCommands({ resume: firstPending && (() => dispatch({ type: 'resume', submission: firstPending })) }, { isActive: isActive && !picking });
  return (
    <Box flexDirection="column">
      <Header target={target} sandbox={sandbox} dryRun={dryRun} problemShownBelow />
      {nothing
        ? null
        : problems.map((problem) => (
            <Box key={problem.code} flexDirection="column" marginTop={1}>
              <Text color={problem.code === 'NoRegion' ? 'yellow' : 'red'} bold wrap="wrap">
                {problem.code === 'NoRegion' ? '' : `${MARK.error} `}
                {problem.message}
              </Text>
              <Text wrap="wrap">Fix: {problem.fix}</Text>
            </Box>
          ))}
      {warning && problems.length === 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color="yellow" bold wrap="wrap">
            {MARK.warning} {warning.message}
          </Text>
          <Text wrap="wrap">Fix: {warning.fix}</Text>
        </Box>
      ) : null}
      {nothing ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color="yellow" bold>
            No AWS credentials were found on this machine.
          </Text>
          <Text>To use your AWS account, run `aws configure` (access keys) or `aws configure sso` (IAM Identity Center), then start again.</Text>
          <Text>Or try everything now in the local sandbox.</Text>
        </Box>
      ) : null}
      {firstPending ? (
        <Box marginTop={1}>
          <Text color="yellow">
            A submission never got its answer. Resuming sends it again with the same client token, so no second data store is created.
          </Text>
        </Box>
      ) : null}
      <Box marginTop={1} flexDirection="column">
        {picking ? (
          <PresetPicker
            presets={choices.presets}
            onPick={(preset) => dispatch({ type: 'startFrom', answers: preset.answers, label: `${preset.origin === 'project' ? 'project ' : ''}preset "${preset.name}"`, asGiven: true, preset: preset.name })}
            onBack={() => setPicking(false)}
            isActive={isActive}
          />
        ) : (
          <>
            <Text bold>How do you want to start?</Text>
            <ChoiceList rows={options.map((option) => ({ label: option.label, meaning: option.meaning }))} highlighted={highlighted} />
          </>
        )}
      </Box>
      {picking ? null : (
        <Box marginTop={1}>
          <Footer commands={[...listCommands, ...ownCommands]} isActive={isActive} />
        </Box>
      )}
    </Box>
  );
}
