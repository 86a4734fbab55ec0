/** "Step n of N" and the step list with done/skipped/error marks. */
import { Box, Text } from 'ink';
import type { StepProgress as Progress } from '../../wizard-flow/progress.js';
import { STEP_MARKS } from '../theme.js';

/** Props of `StepProgress`. */
export interface StepProgressProps {
  steps: Progress[];
  current: number;
  total: number;
}

/** Two lines: the position, then the steps (wrapping at narrow widths). */
export function StepProgress({ steps, current, total }: StepProgressProps) {
  return (
    <Box flexDirection="column">
      <Text>
        {current > 0 ? `Step ${current} of ${total}` : `${total} steps`}
      </Text>
      <Box flexWrap="wrap" columnGap={2}>
        {steps.map((step) => {
          const mark = STEP_MARKS[step.mark];
          return (
            <Text key={step.id} color={mark.color} bold={step.mark === 'current'}>
              {mark.symbol} {step.title}
            </Text>
          );
        })}
      </Box>
    </Box>
  );
}
