/**
 * How shells turn a rendered command into the argument list a program receives, for the round-trip tests:
 * bash for real (a child bash prints its arguments), PowerShell 7.3+ and cmd.exe by their documented rules,
 * written here independently of the renderer.
 */
import { spawnSync } from 'node:child_process';

/** The arguments bash passes to `aws` when it runs the command text (a shell function stands in for aws). */
export function bashArguments(command: string): string[] {
  const script = `aws() { printf '%s\\0' "$@"; }\n${command}`;
  const result = spawnSync('bash', ['--noprofile', '--norc', '-c', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bash failed: ${result.stderr}`);
  return result.stdout.split('\0').slice(0, -1);
}

/**
 * PowerShell 7.3+: a line ending in a backtick continues; words are bare or single-quoted ('' is a quote,
 * as are the typographic single quotes); native commands receive each word as one argument.
 */
export function powerShellArguments(command: string): string[] {
  const text = command.replace(/ `\n/g, ' ').replace(/\n$/, '');
  const words: string[] = [];
  let index = 0;
  const isQuote = (char: string | undefined) => char !== undefined && "'\u2018\u2019\u201A\u201B".includes(char);
  while (index < text.length) {
    if (text[index] === ' ') {
      index++;
      continue;
    }
    let word = '';
    if (isQuote(text[index])) {
      index++;
      for (;;) {
        if (index >= text.length) throw new Error('unterminated PowerShell string');
        if (isQuote(text[index])) {
          if (isQuote(text[index + 1])) {
            word += text[index];
            index += 2;
            continue;
          }
          index++;
          break;
        }
        word += text[index++];
      }
    } else {
      while (index < text.length && text[index] !== ' ') {
        if ("'\"`$@{}();,|&<>#".includes(text[index]!)) throw new Error(`unquoted PowerShell metacharacter ${text[index]}`);
        word += text[index++];
      }
    }
    words.push(word);
  }
  return words.slice(1); // drop "aws"
}

/**
 * cmd.exe then the program's own argument parsing: cmd removes `^` before a character outside double quotes
 * (its quote state toggles at every `"`), a line ending in `^` continues, and any `%` is refused (cmd expands
 * it inside quotes too, differently at the prompt and in a .cmd file); the program (like any C/Python
 * program on Windows) splits the line by the CommandLineToArgvW rules.
 */
export function cmdArguments(command: string): string[] {
  const joined = command.replace(/ \^\n/g, ' ').replace(/\n$/, '');
  let line = '';
  let quoted = false;
  for (let i = 0; i < joined.length; i++) {
    const char = joined[i]!;
    if (char === '"') quoted = !quoted;
    if (!quoted && char === '^') {
      line += joined[++i] ?? '';
      continue;
    }
    if (!quoted && '&|<>()'.includes(char)) throw new Error(`unescaped cmd operator ${char}`);
    // Expanded quoted or not: %NAME% at the prompt, and in a batch file every % (%1 is an argument).
    if (char === '%') throw new Error('a % that cmd would expand');
    line += char;
  }
  return commandLineToArgv(line).slice(1);
}

function commandLineToArgv(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\') {
      let count = 0;
      while (line[i] === '\\') {
        count++;
        i++;
      }
      if (line[i] === '"') {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) current += '"';
        else {
          quoted = !quoted;
        }
      } else {
        current += '\\'.repeat(count);
        i--;
      }
      inWord = true;
      continue;
    }
    if (char === '"') {
      quoted = !quoted;
      inWord = true;
      continue;
    }
    if ((char === ' ' || char === '\t') && !quoted) {
      if (inWord) args.push(current);
      current = '';
      inWord = false;
      continue;
    }
    current += char;
    inWord = true;
  }
  if (inWord) args.push(current);
  return args;
}
