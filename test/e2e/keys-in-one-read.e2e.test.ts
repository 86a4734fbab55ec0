/**
 * Keys that arrive together (a held key, a slow SSH link, `tmux send-keys -H 7f 7f`) reach the program in one
 * read; every one of them counts, in order, on every text box.
 */
import { describe, it } from 'vitest';
import { KEYS, type PtyTerminal } from '../support/pty-terminal.js';
import { FLAGS_UP_TO_TAGS, typeNewTagKey } from '../support/wizard-steps.js';
import { useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();
let term: PtyTerminal;

describe('keys that arrive in one read', () => {
  it('two Backspaces, Ctrl+E with Ctrl+U, and Ctrl+W all count on the name field', async () => {
    term = fx.spawn();
    await term.waitFor(/Step 1 of 7[\s\S]*Ctrl\+C quit/);
    term.type('abcd');
    await term.waitFor('4/256');
    term.write('\x7f\x7f');
    await term.waitFor((screen) => screen.includes('2/256') && /\bab\b/.test(screen));
    // The cursor goes left, then Ctrl+E (to the end) and Ctrl+U (delete before the cursor) in one read: all gone.
    await term.press(KEYS.left);
    term.write('\x05\x15');
    await term.waitFor((screen) => !/\d\/256/.test(screen) || screen.includes('0/256'));
    term.type('first second');
    await term.waitFor('12/256');
    term.write('\x17');
    await term.waitFor((screen) => screen.includes('6/256') && screen.includes('first'));
  });

  it('two Backspaces, then Ctrl+E with Ctrl+W, count in the SMART metadata builder', async () => {
    term = fx.spawn(['--datastore-type-version', 'R4', '--datastore-name', 'n', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=a,Value=b',
      '--identity-provider-configuration', 'AuthorizationStrategy=SMART_ON_FHIR,FineGrainedAuthorizationEnabled=false,IdpLambdaArn=arn:aws:lambda:us-east-1:111122223333:function:smart-decoder']);
    await term.waitFor('How do you want to give the metadata?');
    await term.press(KEYS.enter);
    await term.waitFor('Issuer URL (optional');
    await term.press(KEYS.enter);
    await term.waitFor('Authorization endpoint');
    term.type('https://a.example/authorize/xy');
    await term.waitFor('"authorization_endpoint":"https://a.example/authorize/xy"');
    term.write('\x7f\x7f');
    await term.waitFor('"authorization_endpoint":"https://a.example/authorize/"');
    await term.press(KEYS.left);
    term.write('\x05\x17');
    await term.waitFor('"authorization_endpoint":""');
  });

  it('two Backspaces in one read count in the preset name', async () => {
    term = fx.spawn(['--datastore-type-version', 'R4', '--datastore-name', 'n', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}', '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=a,Value=b',
      '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH', '--client-token', 't1']);
    await term.waitFor(/Review —[\s\S]*Ctrl\+C quit/);
    await term.press('s');
    await term.waitFor('Save these answers as a preset');
    term.type('teamxy');
    await term.waitFor('Name: teamxy');
    term.write('\x7f\x7f');
    await term.waitFor((screen) => /Name: team\s/.test(screen));
    await term.press(KEYS.enter);
    await term.waitFor('Saved preset "team".');
  });

  it('two Backspaces in one read count in the tags editor', async () => {
    term = fx.spawn(FLAGS_UP_TO_TAGS);
    await typeNewTagKey(term, 'team');
    term.write('\x7f\x7f');
    await term.waitFor((screen) => /› te\s+=/.test(screen));
  });
});
