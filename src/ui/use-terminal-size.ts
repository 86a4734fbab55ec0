/**
 * The terminal's size, re-rendering on resize. Ink re-lays its boxes out on a resize but renders no component
 * again, so text a component wraps itself (the long help) kept the old width until the next key.
 */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

function sizeOf(stdout: NodeJS.WriteStream): { columns: number; rows: number } {
  return { columns: stdout.columns || 80, rows: stdout.rows || 24 };
}

/** Columns and rows of the terminal (80x24 when it does not say). */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  // The current size, even before the effect has caught a resize.
  const current = sizeOf(stdout);
  return current.columns === size.columns && current.rows === size.rows ? size : current;
}
