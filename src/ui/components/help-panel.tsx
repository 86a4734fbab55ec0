/** The field's help from the spec: the short sentence by default, the long text on `?`. */
import { Box, Text } from 'ink';
import type { Help } from '../../spec/index.js';

/** Props of `HelpPanel`. */
export interface HelpPanelProps {
  /** The help texts, outermost first (the parameter, then the member being asked). */
  helps: Help[];
  long: boolean;
}

/** Short or long help. */
export function HelpPanel({ helps, long }: HelpPanelProps) {
  if (!long) {
    return (
      <Box flexDirection="column">
        {helps.map((help) => (
          <Text key={help.label}>{help.short}</Text>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" borderStyle="round" borderDimColor paddingX={1}>
      {helps.map((help) => (
        <Box key={help.label} flexDirection="column">
          <Text bold>{help.label}</Text>
          <Text>{help.long}</Text>
        </Box>
      ))}
    </Box>
  );
}
