/** `healthlake-wizard emulator` — not built yet. */
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('healthlake-wizard: "emulator" is not available yet.\n');
  return 255;
}
