/** The request as JSON and YAML for the preview, its keys in the service model's order. */
import { stringifyPortableYaml } from './portable-yaml.js';
import { orderRequest } from './request-order.js';
import type { CreateRequest } from './types.js';

export { orderRequest } from './request-order.js';

/** The request body as JSON, indented by `indent` spaces (2 by default). */
export function renderRequestJson(request: CreateRequest | Record<string, unknown>, indent = 2): string {
  return `${JSON.stringify(orderRequest(request), null, indent)}\n`;
}

/** The request body as YAML (block style, no line folding, so long values stay on one line), read alike by YAML 1.1 and 1.2. */
export function renderRequestYaml(request: CreateRequest | Record<string, unknown>): string {
  return stringifyPortableYaml(orderRequest(request));
}
