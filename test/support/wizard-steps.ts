/**
 * Steps through the built wizard that more than one driver takes: the full-run e2e test and the media capture
 * script answer the same SMART on FHIR questions.
 */
import { KEYS, type PtyTerminal } from './pty-terminal.js';

/** Pastes an answer (one write), waits until it shows, and goes on. */
export async function pasteAndEnter(term: PtyTerminal, text: string): Promise<void> {
  const before = term.screen();
  term.type(text);
  await term.waitFor((screen) => screen !== before);
  await term.press(KEYS.enter);
}

/**
 * At the identity provider step: SMART on FHIR with fine-grained authorization, metadata from the builder with
 * example endpoints and the default grant type, up to the SMART capabilities question.
 */
export async function smartOnFhirUpToCapabilities(term: PtyTerminal): Promise<void> {
  await term.waitFor('Authorization strategy');
  await term.press(KEYS.down, KEYS.down, KEYS.enter);
  await term.waitFor('Fine-grained authorization');
  await term.press(KEYS.down, KEYS.enter);
  await term.waitFor('How do you want to give the metadata?');
  await term.press(KEYS.enter);
  await term.waitFor('Issuer URL (optional');
  await term.press(KEYS.enter);
  await pasteAndEnter(term, 'https://auth.example.com/authorize');
  await pasteAndEnter(term, 'https://auth.example.com/token');
  await term.waitFor('Grant types');
  await term.press(KEYS.enter);
  await term.waitFor('SMART capabilities');
}

/** Flags that answer every step before Tags: the wizard opens on the tags editor, with no tags yet. */
export const FLAGS_UP_TO_TAGS = ['--datastore-type-version', 'R4', '--datastore-name', 'n', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA'];

/** In the tags editor: adds a row and types its key (it shows as `› KEY`). */
export async function typeNewTagKey(term: PtyTerminal, key: string): Promise<void> {
  await term.waitFor('No tags yet');
  await term.press('a');
  await term.waitFor('Editing the key');
  term.type(key);
  await term.waitFor(`› ${key}`);
}

/** In the tags editor: adds a row with its key and value, each kept with Enter (it then shows as `KEY = VALUE`). */
export async function addTag(term: PtyTerminal, key: string, value: string): Promise<void> {
  await term.press('a');
  await term.waitFor('Editing the key');
  term.type(key);
  await term.press(KEYS.enter);
  await term.waitFor('Editing the value');
  term.type(value);
  await term.press(KEYS.enter);
}
