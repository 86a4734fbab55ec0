/**
 * The terminal's size, re-rendering on resize. Ink re-lays its boxes out on a resize but renders no component
 * again, so text a component wraps itself (the long help) kept the old width until the next key.
 */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** Columns and rows of the terminal (80x24 when it does not say). */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // `read` only closes over stdout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  // The current size, even before the effect has caught a resize.
  const current = read();
  return current.columns === size.columns && current.rows === size.rows ? size : current;
}
