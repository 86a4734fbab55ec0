import { describe, expect, it } from 'vitest';
import { visibleTabs } from '../../src/ui/review/tab-bar.js';

const TITLES = ['Answers', 'JSON', 'YAML', 'aws bash', 'aws PowerShell', 'aws cmd', 'CloudFormation'];
/** The width the bar takes for the tabs shown, with its ‹ › marks. */
const widthShown = ([first, last]: [number, number]) =>
  TITLES.slice(first, last + 1).reduce((sum, title) => sum + title.length + 3, -1) + (first > 0 ? 2 : 0) + (last < TITLES.length - 1 ? 2 : 0);

describe('the review tab bar', () => {
  it('shows every tab when they fit, and only the ones around the active tab on a narrow terminal', () => {
    expect(visibleTabs(TITLES, 0, 80)).toEqual([0, 6]);
    for (const width of [40, 50, 60, 70]) {
      for (let active = 0; active < TITLES.length; active++) {
        const shown = visibleTabs(TITLES, active, width);
        expect(shown[0]).toBeLessThanOrEqual(active);
        expect(shown[1]).toBeGreaterThanOrEqual(active);
        expect(widthShown(shown)).toBeLessThanOrEqual(width);
      }
    }
  });
});
