/** Text cut into lines between words, as the screens lay it out: counted before it is drawn, so nothing overflows. */

/** Text cut into lines of at most `width` columns between words (a longer word is cut where it must be). */
export function wrapWords(text: string, width: number): string[] {
  if (!Number.isFinite(width)) return text.split('\n');
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line === '') line = word;
      else if ([...line].length + 1 + [...word].length <= width) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
      while ([...line].length > width) {
        lines.push([...line].slice(0, width).join(''));
        line = [...line].slice(width).join('');
      }
    }
    lines.push(line);
  }
  return lines;
}
