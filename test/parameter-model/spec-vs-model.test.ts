import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEAVES, MODEL_MEMBER_ORDER, OPERATION, PARAMETERS, RESPONSE_MEMBERS, RESPONSE_SHAPES, type SpecNode } from '../../src/parameter-model/index.js';
import { validateField } from '../../src/request/validate.js';

// A copy of the HealthLake service model (API 2017-07-01) is kept in the repository, so the test runs on any clone;
// where the team's reference folder sits beside the repository (../shared/reference), the copy must equal it.
const modelUrl = new URL('../fixtures/aws/healthlake-service-2.json', import.meta.url);
const referenceUrl = new URL('../../../shared/reference/healthlake-service-2.json', import.meta.url);

interface ModelShape {
  type: string;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
}

const model = JSON.parse(readFileSync(modelUrl, 'utf8')) as {
  operations: Record<string, { input: { shape: string }; output: { shape: string } }>;
  shapes: Record<string, ModelShape>;
};
describe('the kept copy of the service model', () => {
  it.runIf(existsSync(referenceUrl))('equals the reference model beside the repository', () => {
    expect(JSON.parse(readFileSync(modelUrl, 'utf8'))).toEqual(JSON.parse(readFileSync(referenceUrl, 'utf8')));
  });
});

const shape = (name: string): ModelShape => {
  const found = model.shapes[name];
  if (!found) throw new Error(`the model has no shape ${name}`);
  return found;
};

/** Compares one spec node with the model shape it names; returns the differences found. */
function compare(node: SpecNode, path: string, requiredInParent: boolean, out: string[]): void {
  const modelShape = shape(node.shape);
  const differ = (what: string, spec: unknown, inModel: unknown) => out.push(`${path}: ${what} is ${JSON.stringify(spec)} in the spec, ${JSON.stringify(inModel)} in the model`);
  if (node.required !== requiredInParent) differ('required', node.required, requiredInParent);
  switch (node.kind) {
    case 'string':
      if (modelShape.type !== 'string' || modelShape.enum) differ('type', 'string', modelShape.type);
      if (node.min !== modelShape.min) differ('min', node.min, modelShape.min);
      if (node.max !== modelShape.max) differ('max', node.max, modelShape.max);
      if (node.pattern !== modelShape.pattern) differ('pattern', node.pattern, modelShape.pattern);
      return;
    case 'enum':
      if (modelShape.type !== 'string') differ('type', 'string', modelShape.type);
      if (JSON.stringify(node.values.map((v) => v.value).sort()) !== JSON.stringify([...(modelShape.enum ?? [])].sort())) {
        differ('enum', node.values.map((v) => v.value), modelShape.enum);
      }
      if (modelShape.min !== undefined || modelShape.max !== undefined || modelShape.pattern !== undefined) differ('extra constraints', undefined, modelShape);
      return;
    case 'boolean':
      if (modelShape.type !== 'boolean') differ('type', 'boolean', modelShape.type);
      return;
    case 'structure': {
      if (modelShape.type !== 'structure') differ('type', 'structure', modelShape.type);
      const modelMembers = Object.entries(modelShape.members ?? {});
      if (JSON.stringify(node.members.map((m) => m.name)) !== JSON.stringify(modelMembers.map(([name]) => name))) {
        differ('members (in order)', node.members.map((m) => m.name), modelMembers.map(([name]) => name));
      }
      for (const member of node.members) {
        const inModel = modelShape.members?.[member.name];
        if (!inModel) continue;
        if (inModel.shape !== member.shape) differ(`${member.name} shape`, member.shape, inModel.shape);
        compare(member, `${path}.${member.name}`, (modelShape.required ?? []).includes(member.name), out);
      }
      return;
    }
    case 'list':
      out.push(`${path}: nested lists are not expected`);
  }
}

describe('the parameter spec agrees with the HealthLake service model', () => {
  const input = shape(model.operations[OPERATION.name]!.input.shape);

  it('names the operation and its shapes as the model does', () => {
    expect(model.operations[OPERATION.name]!.input.shape).toBe(OPERATION.inputShape);
    expect(model.operations[OPERATION.name]!.output.shape).toBe(OPERATION.outputShape);
  });

  it('has every top-level member of the request, and none the model lacks, in the model order list', () => {
    expect(PARAMETERS.map((p) => p.name).sort()).toEqual(Object.keys(input.members!).sort());
    expect([...MODEL_MEMBER_ORDER]).toEqual(Object.keys(input.members!));
  });

  it('agrees on every shape, member, required flag, min, max, pattern and enum at every depth', () => {
    const differences: string[] = [];
    for (const parameter of PARAMETERS) {
      const required = (input.required ?? []).includes(parameter.name);
      const memberShape = input.members![parameter.name]!.shape;
      if (parameter.kind === 'list') {
        const list = shape(parameter.listShape);
        if (memberShape !== parameter.listShape) differences.push(`${parameter.name}: list shape ${parameter.listShape} vs ${memberShape}`);
        if (list.type !== 'list' || list.member?.shape !== parameter.shape) differences.push(`${parameter.name}: list member ${parameter.shape} vs ${list.member?.shape}`);
        if (list.min !== parameter.min || list.max !== parameter.max) differences.push(`${parameter.name}: bounds ${parameter.min}..${parameter.max} vs ${list.min}..${list.max}`);
        if (parameter.required !== required) differences.push(`${parameter.name}: required ${parameter.required} vs ${required}`);
        compare(parameter.member, `${parameter.name}[]`, true, differences);
      } else {
        if (memberShape !== parameter.shape) differences.push(`${parameter.name}: shape ${parameter.shape} vs ${memberShape}`);
        compare(parameter, parameter.name, required, differences);
      }
    }
    expect(differences).toEqual([]);
  });

  it('would notice a changed limit (the comparison can fail)', () => {
    const differences: string[] = [];
    const name = PARAMETERS.find((p) => p.name === 'DatastoreName')!;
    compare({ ...name, max: 255 } as SpecNode, 'DatastoreName', false, differences);
    compare({ ...name, pattern: '^x$' } as SpecNode, 'DatastoreName', false, differences);
    expect(differences).toHaveLength(2);
  });

  it('lists the response members in the model order', () => {
    expect([...RESPONSE_MEMBERS]).toEqual(Object.keys(shape(OPERATION.outputShape).members!));
  });

  it.each(Object.entries(RESPONSE_SHAPES))('has the members of %s in the model order, each with its structure', (name, members) => {
    const modelMembers = shape(name).members!;
    expect(Object.keys(members)).toEqual(Object.keys(modelMembers));
    for (const [member, structure] of Object.entries(members)) {
      const target = shape(modelMembers[member]!.shape);
      const held = target.type === 'list' ? shape(target.member!.shape) : target;
      const heldName = target.type === 'list' ? target.member!.shape : modelMembers[member]!.shape;
      expect(structure, `${name}.${member}`).toBe(held.type === 'structure' ? heldName : null);
    }
  });

  it('has patterns that compile with the u flag and examples that pass validation', () => {
    for (const leaf of LEAVES) {
      for (const example of leaf.node.examples) {
        const value = leaf.node.kind === 'boolean' ? example === 'true' : example;
        expect(validateField(leaf.path, value), `${leaf.path} example ${example}`).toEqual([]);
      }
    }
  });
});
