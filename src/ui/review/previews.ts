/** The preview tabs of the review screen, each a renderer from the request layer. */
import type { CreateRequest } from '../../request/types.js';
import type { GlobalOptions } from '../../options.js';
import { renderAwsCommand, type Shell } from '../../request/render-aws-command.js';
import { renderCloudFormation } from '../../request/render-cloudformation.js';
import { renderRequestJson, renderRequestYaml } from '../../request/render-json-yaml.js';

/** One preview tab. */
export interface PreviewTab {
  title: string;
  /** The file `w` writes the preview to (in the current directory). */
  fileName: string;
  render(request: CreateRequest, options: GlobalOptions): string;
}

/** The aws command for one shell, repeating the global options that were given (the same target). */
function awsCommandTab(title: string, shell: Shell, fileName: string): PreviewTab {
  return {
    title,
    fileName,
    render: (request, options) =>
      renderAwsCommand(request, shell, {
        ...(options.region ? { region: options.region } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
        ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
      }),
  };
}

/** The tabs after "Answers", in order. */
export const PREVIEW_TABS: readonly PreviewTab[] = [
  { title: 'JSON', fileName: 'create-fhir-datastore.json', render: (request) => renderRequestJson(request) },
  { title: 'YAML', fileName: 'create-fhir-datastore.yaml', render: (request) => renderRequestYaml(request) },
  awsCommandTab('aws bash', 'bash', 'create-fhir-datastore.sh'),
  awsCommandTab('aws PowerShell', 'powershell', 'create-fhir-datastore.ps1'),
  awsCommandTab('aws cmd', 'cmd', 'create-fhir-datastore.cmd'),
  { title: 'CloudFormation', fileName: 'fhir-datastore.cfn.yaml', render: (request) => renderCloudFormation(request, 'yaml') },
];
