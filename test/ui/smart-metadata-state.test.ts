/** The SMART metadata builder's reducer, without rendering: parts, highlight, and the JSON each command writes. */
import { describe, expect, it } from 'vitest';
import { blamesNow, BUILDER_PARTS, builderReducer, initialBuilderState, issuerOf, LIST_CHOICES, type BuilderState } from '../../src/ui/inputs/smart-metadata/builder-state.js';
import { prefillLine, readMetadata } from '../../src/wizard-flow/metadata-document.js';

const at = (part: BuilderState['part'], highlight = 0): BuilderState => ({ part, how: 'build', highlight, reached: Math.max(0, BUILDER_PARTS.indexOf(part)) });

describe('the SMART metadata builder state', () => {
  it('starts with the choice of how, or on the raw paste when the answer is no JSON object', () => {
    expect(initialBuilderState(undefined)).toEqual({ part: 'how', how: 'build', highlight: 0, reached: 0 });
    expect(initialBuilderState('{"authorization_endpoint":"https://a"}').part).toBe('how');
    expect(initialBuilderState('{not json').part).toBe('raw');
    expect(initialBuilderState('[1]').part).toBe('raw');
  });

  it('blames the elements it has reached, not those asked next; a given document and the raw paste whole', () => {
    const issuer = builderReducer(initialBuilderState(undefined), undefined, { type: 'pickHow' }).state;
    expect(blamesNow(issuer, 'IdentityProviderConfiguration.Metadata.issuer')).toBe(true);
    expect(blamesNow(issuer, 'IdentityProviderConfiguration.Metadata.authorization_endpoint')).toBe(false);
    const token = builderReducer(builderReducer(issuer, undefined, { type: 'go', by: 1 }).state, undefined, { type: 'go', by: 1 }).state;
    expect(blamesNow(token, 'IdentityProviderConfiguration.Metadata.authorization_endpoint')).toBe(true);
    expect(blamesNow(token, 'IdentityProviderConfiguration.Metadata.capabilities[0]')).toBe(false);
    // Back to the issuer: what was reached stays blamed.
    const back = builderReducer(token, undefined, { type: 'go', by: -1 }).state;
    expect(blamesNow(back, 'IdentityProviderConfiguration.Metadata.token_endpoint')).toBe(true);
    expect(blamesNow(initialBuilderState('{"issuer":"x"}'), 'IdentityProviderConfiguration.Metadata.code_challenge_methods_supported')).toBe(true);
    expect(blamesNow(at('raw'), 'IdentityProviderConfiguration.Metadata.capabilities')).toBe(true);
    expect(blamesNow(issuer, 'IdentityProviderConfiguration.Metadata')).toBe(true);
  });

  it('building from nothing writes the starting document and goes to the issuer', () => {
    const result = builderReducer(initialBuilderState(undefined), undefined, { type: 'pickHow' });
    expect(result.state.part).toBe('issuer');
    expect(readMetadata(result.answer!.value)).toMatchObject({ grant_types_supported: ['authorization_code'], code_challenge_methods_supported: ['S256'] });
  });

  it('building from an answer keeps it as it is; choosing the paste goes to the raw field', () => {
    const text = '{"authorization_endpoint":"https://a","token_endpoint":"https://t"}';
    expect(builderReducer(initialBuilderState(text), text, { type: 'pickHow' }).answer).toBeUndefined();
    const paste = builderReducer(initialBuilderState(text), text, { type: 'switchHow' }).state;
    expect(paste.how).toBe('paste');
    expect(builderReducer(paste, text, { type: 'pickHow' }).state.part).toBe('raw');
    expect(builderReducer(at('raw'), text, { type: 'toBuilder' }).state.part).toBe('how');
  });

  it('an endpoint typed is written into the document; typing elsewhere changes nothing', () => {
    const result = builderReducer(at('token_endpoint'), undefined, { type: 'typeEndpoint', text: 'https://t.example/token' });
    expect(readMetadata(result.answer!.value)?.token_endpoint).toBe('https://t.example/token');
    expect(builderReducer(at('capabilities'), undefined, { type: 'typeEndpoint', text: 'x' }).answer).toBeUndefined();
  });

  it('a raw paste is the answer as typed; empty leaves the metadata out', () => {
    expect(builderReducer(at('raw'), undefined, { type: 'typeRaw', text: '{"a":1}' }).answer).toEqual({ value: '{"a":1}' });
    expect(builderReducer(at('raw'), '{"a":1}', { type: 'typeRaw', text: '' }).answer).toEqual({ value: undefined });
  });

  it('the highlight wraps around a list; Space ticks and unticks, and never unticks the required S256', () => {
    const count = LIST_CHOICES.capabilities!.length;
    expect(builderReducer(at('capabilities'), undefined, { type: 'move', by: -1 }).state.highlight).toBe(count - 1);
    expect(builderReducer(at('capabilities', count - 1), undefined, { type: 'move', by: 1 }).state.highlight).toBe(0);
    const first = LIST_CHOICES.grant_types_supported![0]!.value;
    const ticked = builderReducer(at('grant_types_supported'), '{"grant_types_supported":[]}', { type: 'toggle' }).answer!.value;
    expect(readMetadata(ticked)?.grant_types_supported).toEqual([first]);
    const unticked = builderReducer(at('grant_types_supported'), ticked, { type: 'toggle' }).answer!.value;
    expect(readMetadata(unticked)?.grant_types_supported).toEqual([]);
    const s256 = LIST_CHOICES.code_challenge_methods_supported!.findIndex((choice) => choice.value === 'S256');
    expect(builderReducer(at('code_challenge_methods_supported', s256), undefined, { type: 'toggle' }).answer).toBeUndefined();
  });

  it('Enter and Esc walk the parts, the highlight starting over; past either end the step goes on or back', () => {
    expect(builderReducer(at('capabilities', 2), undefined, { type: 'go', by: 1 }).state).toEqual(at('code_challenge_methods_supported'));
    expect(builderReducer(at('authorization_endpoint'), undefined, { type: 'go', by: -1 }).state.part).toBe('issuer');
    expect(builderReducer(at('issuer'), undefined, { type: 'go', by: -1 }).state.part).toBe('how');
    expect(builderReducer(at('code_challenge_methods_supported'), undefined, { type: 'go', by: 1 }).leave).toBe('next');
    expect(builderReducer(at('how'), undefined, { type: 'go', by: -1 }).leave).toBe('back');
  });
});

describe('the prefill from the issuer', () => {
  const configuration = {
    issuer: 'https://idp.example',
    authorization_endpoint: 'https://idp.example/authorize',
    token_endpoint: 'https://idp.example/token',
    grant_types_supported: ['authorization_code', 'client_credentials'],
    capabilities: ['launch-ehr', 'permission-v2'],
    code_challenge_methods_supported: ['S256'],
    jwks_uri: 'https://idp.example/jwks',
  };

  it('the issuer typed is written into the document; emptied, it is left out', () => {
    const typed = builderReducer(at('issuer'), undefined, { type: 'typeIssuer', text: 'https://idp.example' }).answer!.value;
    expect(issuerOf(typed)).toBe('https://idp.example');
    expect(issuerOf(builderReducer(at('issuer'), typed, { type: 'typeIssuer', text: '' }).answer!.value)).toBeUndefined();
  });

  it('fills the empty endpoints and the lists still as the start ticked them, and says which', () => {
    const start = '{"issuer":"https://idp.example","authorization_endpoint":"","token_endpoint":"","grant_types_supported":["authorization_code"],"capabilities":["launch-standalone"],"code_challenge_methods_supported":["S256"]}';
    const result = builderReducer(at('issuer'), start, { type: 'prefill', configuration });
    expect(result.filled).toEqual(['authorization_endpoint', 'token_endpoint', 'grant_types_supported', 'capabilities']);
    expect(readMetadata(result.answer!.value)).toMatchObject({ issuer: 'https://idp.example', token_endpoint: 'https://idp.example/token', capabilities: ['launch-ehr', 'permission-v2'] });
    expect(readMetadata(result.answer!.value)?.jwks_uri).toBeUndefined();
    expect(result.state).toEqual(at('issuer'));
  });

  it('never overwrites what the person gave', () => {
    const given = '{"issuer":"https://idp.example","authorization_endpoint":"https://mine/authorize","token_endpoint":"","grant_types_supported":["client_credentials"],"capabilities":[],"code_challenge_methods_supported":["S256"]}';
    const result = builderReducer(at('capabilities'), given, { type: 'prefill', configuration });
    expect(result.filled).toEqual(['token_endpoint', 'capabilities']);
    expect(readMetadata(result.answer!.value)).toMatchObject({ authorization_endpoint: 'https://mine/authorize', grant_types_supported: ['client_credentials'], token_endpoint: 'https://idp.example/token' });
  });

  it('nothing to fill changes nothing; elements of the wrong shape are ignored', () => {
    const full = builderReducer(at('issuer'), undefined, { type: 'prefill', configuration }).answer!.value;
    expect(builderReducer(at('issuer'), full, { type: 'prefill', configuration })).toEqual({ state: at('issuer'), filled: [] });
    expect(builderReducer(at('issuer'), undefined, { type: 'prefill', configuration: { token_endpoint: 42, capabilities: 'x' } })).toEqual({ state: at('issuer'), filled: [] });
  });
});

describe('the prefill line', () => {
  it('says what was filled, or why not', () => {
    expect(prefillLine('https://i', { ok: true, document: {} }, ['token_endpoint'])).toBe('Prefilled from https://i: token_endpoint.');
    expect(prefillLine('https://i', { ok: true, document: {} }, [])).toMatch(/nothing to fill/);
    expect(prefillLine('https://i', { ok: false, kind: 'http', message: 'HTTP 404' }, undefined)).toMatch(/^Not found: .*HTTP 404/);
    expect(prefillLine('https://i', { ok: false, kind: 'network', message: 'connection refused' }, undefined)).toMatch(/^Could not fetch .*connection refused/);
  });
});
