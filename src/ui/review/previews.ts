/** The preview tabs of the review screen: one per export format of the request layer's table, in its order. */
import type { CreateRequest } from '../../request/types.js';
import type { GlobalOptions } from '../../options.js';
import { EXPORT_FORMATS } from '../../request/export-formats.js';
import { renderExport } from '../../request/render-export.js';

/** One preview tab. */
export interface PreviewTab {
  title: string;
  /** The file `w` writes the preview to (in the current directory). */
  fileName: string;
  render(request: CreateRequest, options: GlobalOptions): string;
}

/** The tabs after "Answers", in order; each repeats the target options that were given (the same target). */
export const PREVIEW_TABS: readonly PreviewTab[] = EXPORT_FORMATS.map((format) => ({
  title: format.title,
  fileName: format.fileName,
  render: (request, options) =>
    renderExport(format.name, request, {
      ...(options.region ? { region: options.region } : {}),
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.endpointUrl ? { endpointUrl: options.endpointUrl } : {}),
    }),
}));
