/** The rule for help text width: every line fits, except one that holds a single unbroken shell argument. */
export function overlongHelpLines(text: string, width: number): string[] {
  return text.split('\n').filter((line) => {
    if ([...line].length <= width) return false;
    const content = line.trim().replace(/ \\$/, '');
    const singleArgument = /^'[^']*'$/.test(content) || !/\s/.test(content);
    return !singleArgument;
  });
}
