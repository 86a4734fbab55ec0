/**
 * The request with its keys in the service model's order, as the AWS CLI prints it. Apart from the YAML renderer
 * so that the dry run's JSON path never loads the YAML library.
 */
import { MODEL_MEMBER_ORDER, parameterByName, type SpecNode } from '../parameter-model/index.js';
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
