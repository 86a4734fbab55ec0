/** The review's tabs: Answers, then the previews. */
import { Box, Text } from 'ink';
import { ACCENT } from '../theme.js';

/** Props of `TabBar`. */
export interface TabBarProps {
  titles: readonly string[];
  active: number;
}

/** One line of tab titles, the active one inverted. */
export function TabBar({ titles, active }: TabBarProps) {
  return (
    <Box columnGap={1}>
      {titles.map((title, index) =>
        index === active ? (
          <Text key={title} inverse bold color={ACCENT}>
            {`[${title}]`}
          </Text>
        ) : (
          <Text key={title} dimColor>{` ${title} `}</Text>
        ),
      )}
    </Box>
  );
}
