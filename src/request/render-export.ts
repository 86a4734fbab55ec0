/** Renders the request in any export format of the table (`export-formats.ts`); every format has its renderer. */
import type { ExportFormatName } from './export-formats.js';
import { renderAwsCommand, type AwsCommandOptions } from './render-aws-command.js';
import { renderCdk } from './render-cdk.js';
import { renderCloudFormation } from './render-cloudformation.js';
import { renderRequestJson, renderRequestYaml } from './render-json-yaml.js';
import { renderTerraform } from './render-terraform.js';
import type { CreateRequest } from './types.js';

type Renderer = (request: CreateRequest | Record<string, unknown>, options: AwsCommandOptions) => string;

// Typed by the table's names: a format added there without a renderer here does not compile.
const RENDERERS: Record<ExportFormatName, Renderer> = {
  json: (request) => renderRequestJson(request),
  yaml: (request) => renderRequestYaml(request),
  'aws-bash': (request, options) => renderAwsCommand(request, 'bash', options),
  'aws-powershell': (request, options) => renderAwsCommand(request, 'powershell', options),
  'aws-cmd': (request, options) => renderAwsCommand(request, 'cmd', options),
  cloudformation: (request) => renderCloudFormation(request, 'yaml'),
  terraform: renderTerraform,
  cdk: renderCdk,
};

/**
 * The request in `format`. `options` are the target given on the command line: the aws commands repeat
 * the Region, profile and endpoint; Terraform and CDK take the Region.
 */
export function renderExport(format: ExportFormatName, request: CreateRequest | Record<string, unknown>, options: AwsCommandOptions = {}): string {
  return RENDERERS[format](request, options);
}
