/**
 * The commands of healthlake-wizard, each with its arguments and what it does in a line: the default command's
 * help lists them from here, and the command model (completions, man page) takes each summary from here too.
 * `presets` and `policy` are groups; their subcommands say more in their own help.
 */
export interface CommandSummary {
  /** As typed after `healthlake-wizard`. */
  name: string;
  /** Its arguments as the help's list shows them, e.g. `[DATASTORE_ID]`; empty when it takes none. */
  args: string;
  summary: string;
}

export const COMMAND_LIST: readonly CommandSummary[] = [
  { name: 'create', args: '', summary: 'guided creation of a FHIR data store (the default command)' },
  { name: 'status', args: '[DATASTORE_ID]', summary: 'live status of a data store; without an id, a picker over the data stores and the history' },
  { name: 'list', args: '', summary: "the Region's data stores (ListFHIRDatastores), those created with this tool marked" },
  { name: 'delete', args: 'DATASTORE_ID', summary: 'delete a data store after a confirmation, then watch it to DELETED' },
  { name: 'cleanup', args: '', summary: "delete the Region's data stores whose expiry (create --expires-in) has passed, after one confirmation" },
  { name: 'history', args: '', summary: 'the data stores created with this tool' },
  { name: 'presets', args: 'COMMAND', summary: "named, reusable answers (yours and the project's): list, show, save, delete, rename, export, import" },
  { name: 'policy check', args: '[FILE...]', summary: 'hold the project presets (or request files) to the team policy of .healthlake-wizard/; exit 252 when one breaks it' },
  { name: 'emulator', args: '', summary: 'a local HealthLake emulator (no AWS account needed)' },
  { name: 'completion', args: 'bash|zsh|fish', summary: 'print a shell completion script: commands, flags, values, presets' },
  { name: 'man', args: '', summary: 'print this manual page (roff; read it with `healthlake-wizard man | man -l -`)' },
];

/** The summary of a command of the list (a programming error when it is not there). */
export function commandSummary(name: string): string {
  const found = COMMAND_LIST.find((command) => command.name === name);
  if (!found) throw new Error(`no command ${name} in COMMAND_LIST`);
  return found.summary;
}
