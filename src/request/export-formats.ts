/**
 * Every format the request can be exported as: one table read by `create --export`, the review screen's preview
 * tabs, `create --help`, the shell completions and the man page. It holds no renderer (they load YAML), so that
 * the command line can name the formats without loading them; `render-export.ts` renders each.
 */

/** One export format. */
export interface ExportFormat {
  /** The value of `--export`, e.g. `terraform`. */
  name: string;
  /** The preview tab's title. */
  title: string;
  /** The file the wizard's `w` writes it to (in the current directory). */
  fileName: string;
  /** One line for help: what it is. */
  help: string;
}

/** The formats, in the order of the preview tabs. */
export const EXPORT_FORMATS = [
  { name: 'json', title: 'JSON', fileName: 'create-fhir-datastore.json', help: 'the request as JSON (a --cli-input-json document)' },
  { name: 'yaml', title: 'YAML', fileName: 'create-fhir-datastore.yaml', help: 'the request as YAML (a --cli-input-yaml document)' },
  { name: 'aws-bash', title: 'aws bash', fileName: 'create-fhir-datastore.sh', help: 'the aws command for bash and zsh' },
  { name: 'aws-powershell', title: 'aws PowerShell', fileName: 'create-fhir-datastore.ps1', help: 'the aws command for PowerShell 7.3 or later' },
  { name: 'aws-cmd', title: 'aws cmd', fileName: 'create-fhir-datastore.cmd', help: 'the aws command for the Windows command prompt (cmd.exe)' },
  { name: 'cloudformation', title: 'CloudFormation', fileName: 'fhir-datastore.cfn.yaml', help: 'a CloudFormation template (YAML) with an AWS::HealthLake::FHIRDatastore' },
  { name: 'terraform', title: 'Terraform', fileName: 'fhir-datastore.tf', help: 'Terraform (HCL) with the awscc provider\'s awscc_healthlake_fhir_datastore' },
  { name: 'cdk', title: 'CDK', fileName: 'fhir-datastore-stack.ts', help: 'an AWS CDK app in TypeScript with aws_healthlake.CfnFHIRDatastore' },
] as const satisfies readonly ExportFormat[];

/** The name of an export format. */
export type ExportFormatName = (typeof EXPORT_FORMATS)[number]['name'];

/** The values `--export` takes. */
export const EXPORT_FORMAT_NAMES: readonly ExportFormatName[] = EXPORT_FORMATS.map((format) => format.name);

/** The format of this name. */
export function exportFormat(name: ExportFormatName): ExportFormat {
  return EXPORT_FORMATS.find((format) => format.name === name)!;
}
