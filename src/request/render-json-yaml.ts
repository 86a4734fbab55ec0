/** The request as JSON and YAML for the preview, its keys in the service model's order. */
import { stringify as stringifyYaml } from 'yaml';
import { MODEL_MEMBER_ORDER, parameterByName, type SpecNode } from '../spec/index.js';
import type { CreateRequest } from './types.js';

function orderNode(node: SpecNode, value: unknown): unknown {
  if (node.kind === 'list' && Array.isArray(value)) return value.map((item) => orderNode(node.member, item));
  if (node.kind !== 'structure' || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return orderKeys(value as Record<string, unknown>, node.members.map((member) => member.name), (name) => node.members.find((m) => m.name === name));
}

function orderKeys(record: Record<string, unknown>, order: readonly string[], nodeOf: (name: string) => SpecNode | undefined): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  const keys = [...order.filter((key) => Object.hasOwn(record, key)), ...Object.keys(record).filter((key) => !order.includes(key))];
  for (const key of keys) {
    const node = nodeOf(key);
    Object.defineProperty(ordered, key, { value: node ? orderNode(node, record[key]) : record[key], enumerable: true, writable: true, configurable: true });
  }
  return ordered;
}

/** A copy of the request with its keys in the model's order at every level (unknown keys last, kept). */
export function orderRequest(request: CreateRequest | Record<string, unknown>): Record<string, unknown> {
  return orderKeys(request as Record<string, unknown>, MODEL_MEMBER_ORDER, parameterByName);
}

/** The request body as JSON, indented by `indent` spaces (2 by default). */
export function renderRequestJson(request: CreateRequest | Record<string, unknown>, indent = 2): string {
  return `${JSON.stringify(orderRequest(request), null, indent)}\n`;
}

/** The request body as YAML (block style, no line folding, so long values stay on one line). */
export function renderRequestYaml(request: CreateRequest | Record<string, unknown>): string {
  return stringifyYaml(orderRequest(request), { lineWidth: 0 });
}
