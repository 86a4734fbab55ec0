/** The live status panel — a stub until the UI lands: it falls back to the non-interactive watch. */
import type { GlobalOptions } from '../options.js';

/** Shows the status of a data store on a terminal; returns the exit code. */
export async function runStatusPanel(input: { datastoreId?: string; options: GlobalOptions }): Promise<number> {
  const { runStatusOnce } = await import('../aws/status-report.js');
  return runStatusOnce({ ...input, wait: false });
}
