/** The review's tabs: Answers, then the previews. */
import { Box, Text } from 'ink';
import { ACCENT } from '../theme.js';

/** Props of `TabBar`. */
export interface TabBarProps {
  titles: readonly string[];
  active: number;
  /** Columns available: on a narrow terminal only the tabs around the active one are shown, with ‹ › marks. */
  width?: number;
}

/** The tabs that fit `width` around the active one: [first, last] indexes, growing to the right first. */
export function visibleTabs(titles: readonly string[], active: number, width: number): [number, number] {
  // Each tab is its title and two brackets or spaces, one column apart; a hidden side takes "‹ " or " ›".
  const widthOf = (first: number, last: number) =>
    titles.slice(first, last + 1).reduce((sum, title) => sum + [...title].length + 3, -1) + (first > 0 ? 2 : 0) + (last < titles.length - 1 ? 2 : 0);
  let [first, last] = [active, active];
  for (;;) {
    if (last < titles.length - 1 && widthOf(first, last + 1) <= width) last++;
    else if (first > 0 && widthOf(first - 1, last) <= width) first--;
    else return [first, last];
  }
}

/** One line of tab titles, the active one inverted. */
export function TabBar({ titles, active, width = Number.POSITIVE_INFINITY }: TabBarProps) {
  const [first, last] = visibleTabs(titles, active, width);
  return (
    <Box columnGap={1}>
      {first > 0 ? <Text dimColor>‹</Text> : null}
      {titles.slice(first, last + 1).map((title, offset) =>
        first + offset === active ? (
          <Text key={title} inverse bold color={ACCENT}>
            {`[${title}]`}
          </Text>
        ) : (
          <Text key={title} dimColor>{` ${title} `}</Text>
        ),
      )}
      {last < titles.length - 1 ? <Text dimColor>›</Text> : null}
    </Box>
  );
}
