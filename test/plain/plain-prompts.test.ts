import { describe, expect, it } from 'vitest';
import { readPicks } from '../../src/plain/plain-metadata.js';
import { longHelpLines, promptLines, questionLine, readChoice, readTag, readText } from '../../src/plain/plain-prompts.js';
import { constraintsOf } from '../../src/wizard-flow/constraints.js';
import { answerIssues } from '../../src/wizard-flow/issues.js';
import { choiceOptions, promptAt } from '../../src/wizard-flow/prompts.js';

const NAME = promptAt('DatastoreName')!;
const CMK = promptAt('SseConfiguration.KmsEncryptionConfig.CmkType')!;
const VERSION = promptAt('DatastoreTypeVersion')!;

describe('a prompt as lines', () => {
  it('gives the title, the short help, the limits and each choice with its meaning, numbered', () => {
    const lines = promptLines(CMK, {}, []);
    expect(lines[0]).toBe('Encryption › Key type');
    expect(lines).toContain(CMK.parameter.help.short);
    expect(lines).toContain(`Limits: ${constraintsOf(CMK)}`);
    choiceOptions(CMK).forEach((option, index) => expect(lines).toContain(`  ${index + 1}. ${option.label}: ${option.meaning}`));
  });

  it('puts the default in brackets: the value, the numbered choice, or none for an empty optional field', () => {
    expect(questionLine(NAME, { DatastoreName: 'clinic' })).toBe('Name [clinic]: ');
    expect(questionLine(NAME, {})).toBe('Name [none]: ');
    expect(questionLine(VERSION, { DatastoreTypeVersion: 'R4' })).toBe('FHIR version [1 R4]: ');
    expect(questionLine(CMK, {})).toBe(`Key type [1 ${choiceOptions(CMK)[0]!.label}]: `);
  });

  it('offers no "none" for a field another answer makes required (a key id for a customer managed key)', () => {
    const answers = { 'SseConfiguration.KmsEncryptionConfig.CmkType': 'CUSTOMER_MANAGED_KMS_KEY' };
    const keyId = promptAt('SseConfiguration.KmsEncryptionConfig.KmsKeyId')!;
    const issues = answerIssues(answers);
    expect(questionLine(keyId, answers, issues)).toBe('KMS key: ');
    expect(readText(keyId, '-', undefined, issues)).toEqual({ value: '-' });
  });

  it('shows the long help of the field and of its parameter on ?', () => {
    const lines = longHelpLines(CMK, {});
    expect(lines).toContain(`${CMK.parameter.help.label}:`);
    for (const paragraph of CMK.parameter.help.long.split('\n')) expect(lines).toContain(paragraph);
  });
});

describe('a typed line as an answer', () => {
  it('reads a choice by number or by value in any case; Enter keeps the current one', () => {
    expect(readChoice(CMK, '3', undefined)).toEqual({ value: choiceOptions(CMK)[2]!.value });
    expect(readChoice(CMK, 'aws_owned_kms_key', undefined)).toEqual({ value: 'AWS_OWNED_KMS_KEY' });
    expect(readChoice(CMK, '1', 'AWS_OWNED_KMS_KEY')).toEqual({ value: undefined });
    expect(readChoice(CMK, '', 'AWS_OWNED_KMS_KEY')).toEqual({ value: 'AWS_OWNED_KMS_KEY' });
  });

  it('names the choices when the line is none of them', () => {
    const read = readChoice(CMK, '9', undefined);
    const labels = choiceOptions(CMK).map((option) => option.label);
    expect(labels).toHaveLength(3);
    expect(read).toEqual({ problem: { message: '"9" is not one of the 3 choices.', fix: `Type a number from 1 to 3, or one of: ${labels.join(', ')}.` } });
  });

  it('reads text verbatim; Enter keeps the value, - leaves an optional field out', () => {
    expect(readText(NAME, ' spaced name ', 'old')).toEqual({ value: ' spaced name ' });
    expect(readText(NAME, '', 'old')).toEqual({ value: 'old' });
    expect(readText(NAME, '-', 'old')).toEqual({ value: undefined });
  });

  it('reads a tag as KEY=VALUE, splitting at the first = (values may hold = and may be empty)', () => {
    expect(readTag('team=data')).toEqual({ Key: 'team', Value: 'data' });
    expect(readTag('expr=a=b')).toEqual({ Key: 'expr', Value: 'a=b' });
    expect(readTag('env=')).toEqual({ Key: 'env', Value: '' });
    expect(readTag('team')).toHaveProperty('problem.fix', 'Write each tag as KEY=VALUE, e.g. team=data (an empty value is allowed: env=).');
  });
});

describe('a list typed for the SMART metadata builder', () => {
  const offered = ['launch-ehr', 'launch-standalone', 'client-public'];
  it('takes numbers and values, separated by spaces or commas, once each; Enter keeps the current list', () => {
    expect(readPicks('1 3', offered, [])).toEqual({ values: ['launch-ehr', 'client-public'] });
    expect(readPicks('client-public, 1,1 custom-capability', offered, [])).toEqual({ values: ['client-public', 'launch-ehr', 'custom-capability'] });
    expect(readPicks('  ', offered, ['launch-standalone'])).toEqual({ values: ['launch-standalone'] });
  });

  it('refuses a number outside the list', () => {
    expect(readPicks('4', offered, [])).toEqual({ problem: { message: '4 is not one of the 3 numbers.', fix: 'Type numbers from 1 to 3 or values, separated by spaces.' } });
  });
});
