/** `healthlake-wizard status` — not built yet. */
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('healthlake-wizard: "status" is not available yet.\n');
  return 255;
}
