/** Queries over the parameter spec: leaves, lookups by path and flag, compiled patterns. */
import { PARAMETERS } from './create-fhir-datastore.js';
import type { SpecLeaf, SpecNode, StringNode, TopLevelParameter } from './types.js';

export * from './create-fhir-datastore.js';
export * from './response-shapes.js';
export type * from './types.js';

function collectLeaves(parameter: TopLevelParameter, node: SpecNode, path: string, out: SpecLeaf[]): void {
  switch (node.kind) {
    case 'structure':
      for (const member of node.members) collectLeaves(parameter, member, `${path}.${member.name}`, out);
      return;
    case 'list':
      for (const member of node.member.members) collectLeaves(parameter, member, `${path}[].${member.name}`, out);
      return;
    default:
      out.push({ path, parameter, node });
  }
}

/** Every scalar field of the request, with its path (`Tags[].Key` for list members). */
export const LEAVES: readonly SpecLeaf[] = PARAMETERS.flatMap((parameter) => {
  const out: SpecLeaf[] = [];
  collectLeaves(parameter, parameter, parameter.name, out);
  return out;
});

/** The leaf at a path; list indexes are ignored (`Tags[3].Key` finds `Tags[].Key`). */
export function leafAt(path: string): SpecLeaf | undefined {
  const normalized = path.replace(/\[\d+\]/g, '[]');
  return LEAVES.find((leaf) => leaf.path === normalized);
}

/** The top-level parameter with this AWS CLI flag (`--datastore-name`). */
export function parameterByFlag(flag: string): TopLevelParameter | undefined {
  return PARAMETERS.find((parameter) => parameter.flag === flag);
}

/** The top-level parameter with this request key (`DatastoreName`). */
export function parameterByName(name: string): TopLevelParameter | undefined {
  return PARAMETERS.find((parameter) => parameter.name === name);
}

const compiled = new Map<string, RegExp>();

/**
 * The node's pattern as a RegExp that must match the whole value. The model's patterns are Java-style and
 * matched in full by the service (several have no anchors), and they use Unicode classes, hence the `u` flag.
 */
export function fullMatchPattern(node: StringNode): RegExp | undefined {
  if (!node.pattern) return undefined;
  let regex = compiled.get(node.pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${node.pattern})$`, 'u');
    compiled.set(node.pattern, regex);
  }
  return regex;
}


/** The AWS CLI's name for a nested key path, e.g. `--sse-configuration KmsEncryptionConfig.KmsKeyId`. */
export function describeField(path: string): { flag: string; path: string } {
  const top = path.split(/[.[]/)[0] ?? path;
  const parameter = parameterByName(top);
  return { flag: parameter?.flag ?? top, path };
}
