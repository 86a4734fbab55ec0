/** The preview tabs of the review screen, each a renderer from the request layer. */
import type { CreateRequest } from '../../request/types.js';
import type { GlobalOptions } from '../../options.js';
import { renderAwsCommand } from '../../request/render-aws-command.js';
import { renderCloudFormation } from '../../request/render-cloudformation.js';
import { renderRequestJson, renderRequestYaml } from '../../request/render-json-yaml.js';

/** One preview tab. */
export interface PreviewTab {
  title: string;
  render(request: CreateRequest, options: GlobalOptions): string;
}

/** The tabs after "Answers", in order. */
export const PREVIEW_TABS: readonly PreviewTab[] = [
  { title: 'JSON', render: (request) => renderRequestJson(request) },
  { title: 'YAML', render: (request) => renderRequestYaml(request) },
  {
    title: 'aws command',
    render: (request, options) =>
      renderAwsCommand(request, 'bash', {
        ...(options.region ? { region: options.region } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
      }),
  },
  { title: 'CloudFormation', render: (request) => renderCloudFormation(request, 'yaml') },
];
