/** The preview tabs of the review screen: one per export format of the request layer's table, in its order. */
import type { CreateRequest } from '../../request/types.js';
import type { GlobalOptions } from '../../options.js';
import { EXPORT_FORMATS, type ExportFormatName } from '../../request/export-formats.js';
import { renderExport } from '../../request/render-export.js';
import type { PreviewLayout } from './preview-lines.js';

/** One preview tab. */
export interface PreviewTab {
  title: string;
  /** The file `w` writes the preview to (in the current directory). */
  fileName: string;
  /** How the pane lays out a line longer than it is wide. */
  layout: PreviewLayout;
  render(request: CreateRequest, options: GlobalOptions): string;
}

/** The formats a pane may break without changing them (see `preview-lines.ts`); the others are kept whole. */
const LAYOUTS: Partial<Record<ExportFormatName, PreviewLayout>> = {
  json: 'json',
  'aws-bash': { shell: 'bash' },
  'aws-powershell': { shell: 'powershell' },
  'aws-cmd': { shell: 'cmd' },
};

/** The tabs after "Answers", in order; each repeats the target options that were given (the same target). */
export const PREVIEW_TABS: readonly PreviewTab[] = EXPORT_FORMATS.map((format) => ({
  title: format.title,
  fileName: format.fileName,
  layout: LAYOUTS[format.name] ?? 'whole',
  render: (request, options) =>
    renderExport(format.name, request, {
      ...(options.region ? { region: options.region } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    }),
}));
