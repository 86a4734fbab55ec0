/**
 * The manual page, healthlake-wizard(1), in roff (man(7) macros), generated from the command model and the
 * parameter spec: `healthlake-wizard man` prints it, `npm run docs` writes docs/healthlake-wizard.1.
 */
import { EXIT } from '../options.js';
import { OPERATION, PARAMETERS } from '../parameter-model/index.js';
import type { CommandModel, FlagModel } from './command-model.js';

/** Text made safe for roff: backslashes, and a leading dot or quote that would read as a request. */
function roff(text: string): string {
  return text.replace(/\\/g, '\\e').replace(/-/g, '\\-').replace(/^([.'])/gm, '\\&$1');
}

function flagSyntax({ flag, value }: FlagModel): string {
  switch (value.kind) {
    case 'none':
      return `\\fB${roff(flag)}\\fR`;
    case 'choice':
      return `\\fB${roff(flag)}\\fR ${value.optional ? '[' : ''}${roff(value.choices.join('|'))}${value.optional ? ']' : ''}`;
    case 'preset':
      return `\\fB${roff(flag)}\\fR \\fINAME\\fR`;
    case 'file':
      return `\\fB${roff(flag)}\\fR \\fIPATH\\fR`;
    default:
      return `\\fB${roff(flag)}\\fR \\fI${roff(value.name)}\\fR`;
  }
}

function flagEntries(flags: FlagModel[]): string[] {
  return flags.flatMap((flag) => ['.TP', flagSyntax(flag), ...(flag.help ? [roff(flag.help)] : [])]);
}

/** The whole page; `version` goes in its footer. */
export function renderManPage(model: CommandModel[], version: string): string {
  const create = model.find((command) => command.name === 'create')!;
  const parameterFlags = new Set(PARAMETERS.map((parameter) => parameter.flag));
  const out: string[] = [
    `.TH HEALTHLAKE\\-WIZARD 1 "" "healthlake\\-wizard ${roff(version)}" "User Commands"`,
    '.SH NAME',
    `healthlake\\-wizard \\- create an Amazon HealthLake FHIR data store (${OPERATION.name}) with a guided terminal wizard`,
    '.SH SYNOPSIS',
    ...model.flatMap((command) => ['.B healthlake\\-wizard', `${roff(command.name)}${command.synopsis ? ` ${roff(command.synopsis)}` : ''}`, '.br']),
    '.SH DESCRIPTION',
    roff(
      'On a terminal, a wizard asks for what the flags leave out, shows the request (JSON, YAML, the aws command, ' +
        'CloudFormation) and sends it after a confirmation, then follows the data store until it is ACTIVE. With ' +
        '--no-interactive, or without a terminal, nothing is asked: the flags are validated, then sent, or printed ' +
        'with --dry-run. Flags and values are those of aws healthlake create-fhir-datastore: shorthand, JSON, or ' +
        'file://PATH for any value. --sandbox runs the built-in emulator instead of AWS.',
    ),
    '.SH COMMANDS',
    ...model.flatMap((command) => ['.TP', `\\fB${roff(command.name)}\\fR${command.synopsis ? ` ${roff(command.synopsis)}` : ''}`, roff(command.summary)]),
    '.SH PARAMETERS',
    roff(`The request parameters of create (and presets save), from the ${OPERATION.name} service model.`),
    ...flagEntries(create.flags.filter((flag) => parameterFlags.has(flag.flag))),
    '.SH OPTIONS',
    roff('The options of create, its own and the AWS CLI global options it takes; each command below lists its own flags and the AWS CLI global options it takes (declared once, in one table).'),
    ...flagEntries(create.flags.filter((flag) => !parameterFlags.has(flag.flag))),
  ];
  for (const command of model.filter((c) => c.name !== 'create' && c.flags.length > 0)) {
    out.push(`.SS ${roff(command.name)}`, ...flagEntries(command.flags));
  }
  out.push(
    '.SH EXIT STATUS',
    ...(
      [
        [EXIT.ok, 'success (with --wait: the data store is ACTIVE)'],
        [EXIT.interrupted, 'interrupted (Ctrl+C); a data store being created keeps being created'],
        [EXIT.usage, 'invalid command line or parameter value'],
        [EXIT.config, 'environment or configuration invalid: no credentials, no region, unreadable config'],
        [EXIT.service, 'the service answered with an error, or the data store ended CREATE_FAILED'],
        [EXIT.other, 'any other failure'],
      ] as const
    ).flatMap(([code, meaning]) => ['.TP', `\\fB${code}\\fR`, roff(meaning)]),
    '.SH ENVIRONMENT',
    '.TP',
    '\\fBHEALTHLAKE_WIZARD_CONFIG_DIR\\fR',
    roff('Where presets, last answers and history are kept (default: the config folder, e.g. ~/.config/healthlake-wizard).'),
    '.TP',
    '\\fBHEALTHLAKE_WIZARD_CACHE_DIR\\fR',
    roff('Where compiled code is cached to start faster (default: the cache folder, e.g. ~/.cache/healthlake-wizard).'),
    '.TP',
    '\\fBAWS_PROFILE\\fR, \\fBAWS_REGION\\fR, \\fBAWS_ACCESS_KEY_ID\\fR, ...',
    roff('Read as the AWS CLI reads them.'),
    '.SH EXAMPLES',
    '.EX',
    roff('healthlake-wizard create --no-interactive --dry-run --datastore-type-version R4 --datastore-name clinic'),
    roff('healthlake-wizard --sandbox'),
    roff('source <(healthlake-wizard completion bash)'),
    '.EE',
    '.SH SEE ALSO',
    '.BR aws (1)',
  );
  return `${out.join('\n')}\n`;
}
