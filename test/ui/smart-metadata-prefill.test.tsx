/**
 * The SMART metadata builder's prefill, rendered: Ctrl+P fetches the issuer's smart-configuration through the
 * connection's resources (a stand-in source here, answering when the test says), typing goes on meanwhile, and
 * only what is still empty when the answer arrives is filled, with one line saying what.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Box, Text } from 'ink';
import { useState } from 'react';
import type { SmartConfigurationAnswer } from '../../src/aws/preflight/types.js';
import type { ResourceSource } from '../../src/ui/effects/app-deps.js';
import { SmartMetadataBuilder } from '../../src/ui/inputs/smart-metadata/smart-metadata-builder.js';
import { footerHints } from '../../src/ui/keys.js';
import { KeyRouter } from '../../src/ui/use-keys.js';
import { readMetadata } from '../../src/wizard-flow/metadata-document.js';
import { drive, KEY, type InkDriver } from './support/ink-driver.js';

const CTRL_P = '\x10';
const ISSUER = 'https://idp.example';
const START = JSON.stringify({ issuer: ISSUER, authorization_endpoint: '', token_endpoint: '', grant_types_supported: ['authorization_code'], capabilities: ['launch-standalone'], code_challenge_methods_supported: ['S256'] });

/** A source whose smart-configuration answers when `answer` is called; records the issuers asked for. */
function standInSource() {
  const asked: string[] = [];
  let settle: (answer: SmartConfigurationAnswer) => void = () => undefined;
  const source: ResourceSource = {
    kmsKeys: () => Promise.reject(new Error('not asked')),
    lambdaFunctions: () => Promise.reject(new Error('not asked')),
    smartConfiguration: (issuer) => {
      asked.push(issuer);
      return new Promise((resolve) => (settle = resolve));
    },
  };
  return { source, asked, answer: (answer: SmartConfigurationAnswer) => settle(answer) };
}

/** The builder in a step of its own, under the app's key router; `onChange` hears each new answer. */
function Harness({ source, onChange }: { source: ResourceSource; onChange: (value: string | undefined) => void }) {
  const [value, setValue] = useState<string | undefined>(START);
  return (
    <KeyRouter>
    <SmartMetadataBuilder
      prompt={{} as never}
      value={value}
      issues={[]}
      onAnswer={(next) => {
        onChange(next as string | undefined);
        setValue(next as string | undefined);
      }}
      onNext={() => undefined}
      isActive
      resources={{ source: () => Promise.resolve(source), where: 'the sandbox' }}
      frame={(view, commands) => (
        <Box flexDirection="column">
          {view}
          <Text>{footerHints(commands)}</Text>
        </Box>
      )}
    />
    </KeyRouter>
  );
}

let driver: InkDriver | undefined;
afterEach(() => driver?.unmount());

describe('the SMART metadata builder prefill', () => {
  it('fills only what is empty when the answer arrives, keeps what was typed meanwhile, and says what it filled', async () => {
    const stand = standInSource();
    const seen = { value: START as string | undefined };
    driver = drive(<Harness source={stand.source} onChange={(value) => (seen.value = value)} />);
    await driver.press(KEY.enter);
    await driver.waitFor('Issuer URL (optional');
    expect(driver.frame()).toContain('Ctrl+P prefill');
    await driver.press(CTRL_P);
    await driver.waitFor(`Fetching ${ISSUER}'s smart-configuration`);
    expect(stand.asked).toEqual([ISSUER]);
    // Typing goes on while the fetch runs, on the next part.
    await driver.press(KEY.enter);
    await driver.waitFor('Authorization endpoint');
    await driver.type('https://mine/a');
    await driver.waitFor('"authorization_endpoint":"https://mine/a"');
    stand.answer({ ok: true, document: { authorization_endpoint: `${ISSUER}/authorize`, token_endpoint: `${ISSUER}/token`, capabilities: ['launch-ehr'] } });
    await driver.waitFor(`Prefilled from ${ISSUER}: token_endpoint, capabilities.`);
    expect(readMetadata(seen.value)).toMatchObject({ authorization_endpoint: 'https://mine/a', token_endpoint: `${ISSUER}/token`, capabilities: ['launch-ehr'], grant_types_supported: ['authorization_code'] });
  });

  it('says why it could not, and fills nothing', async () => {
    const stand = standInSource();
    const seen = { value: START as string | undefined };
    driver = drive(<Harness source={stand.source} onChange={(value) => (seen.value = value)} />);
    await driver.press(KEY.enter);
    await driver.waitFor('Issuer URL (optional');
    await driver.press(CTRL_P);
    stand.answer({ ok: false, kind: 'http', message: 'HTTP 404 from https://idp.example/.well-known/smart-configuration' });
    await driver.waitFor(`Not found: ${ISSUER}'s smart-configuration (HTTP 404`);
    expect(seen.value).toBe(START);
  });
});
