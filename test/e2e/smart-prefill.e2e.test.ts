/**
 * The SMART metadata builder's prefill, end to end: the issuer typed first, Ctrl+P fetches its
 * smart-configuration over HTTPS (a private CA trusted with --ca-bundle, as a company's PKI asks), the empty
 * elements are filled, the review's check agrees with the issuer, and the data store is created with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_OPENSSL } from '../support/private-ca.js';
import { startSmartIssuer, type SmartIssuer } from '../support/smart-issuer.js';
import { KEYS } from '../support/pty-terminal.js';
import { confirmCreate, useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();
const CTRL_P = '\x10';
const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:sandbox-token-decoder';

describe.skipIf(!HAS_OPENSSL)('the SMART metadata builder prefilled from the issuer', () => {
  let server: SmartIssuer;
  let issuer: string;
  /** What the issuer publishes: every element the builder shows, other than its start. */
  const configuration = () => ({
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    grant_types_supported: ['authorization_code', 'client_credentials'],
    capabilities: ['launch-ehr', 'client-confidential-symmetric'],
    code_challenge_methods_supported: ['S256'],
  });

  beforeAll(async () => {
    server = await startSmartIssuer();
    issuer = server.url;
    server.publish(configuration());
  });
  afterAll(() => server.stop());

  it('Ctrl+P on the issuer fills the endpoints and lists, the check agrees, and the data store has them', async () => {
    const term = fx.spawn([
      '--ca-bundle', server.caPath, '--datastore-type-version', 'R4', '--datastore-name', 'prefilled', '--sse-configuration', 'KmsEncryptionConfig={CmkType=AWS_OWNED_KMS_KEY}',
      '--preload-data-config', 'PreloadDataType=SYNTHEA', '--tags', 'Key=a,Value=b', '--client-token', 'prefill-1',
      '--identity-provider-configuration', `AuthorizationStrategy=SMART_ON_FHIR,FineGrainedAuthorizationEnabled=false,IdpLambdaArn=${LAMBDA}`,
    ]);
    await term.waitFor('How do you want to give the metadata?');
    await term.press(KEYS.enter);
    await term.waitFor('Issuer URL (optional');
    term.type(issuer);
    await term.waitFor(`JSON: {"issuer":"${issuer}"`);
    await term.press(CTRL_P);
    await term.waitFor(/Prefilled from https:\/\/127\.0\.0\.1:\d+\/auth: authorization_endpoint,\s+token_endpoint, grant_types_supported, capabilities\./);
    expect(server.asked).toEqual(['/auth/.well-known/smart-configuration']);
    // The filled parts show what came; Enter walks past each.
    await term.press(KEYS.enter);
    await term.waitFor(`${issuer}/authorize`);
    await term.press(KEYS.enter, KEYS.enter);
    await term.waitFor(/\[x\] client_credentials/);
    await term.press(KEYS.enter);
    await term.waitFor(/\[x\] launch-ehr/);
    await term.press(KEYS.enter);
    await term.waitFor('PKCE');
    await term.press(KEYS.enter);
    await term.waitFor('Review —');
    await term.waitFor(/Pre-flight checks: ✓ \d+ passed/);
    // The Checks tab (the last; the tabs wrap) shows the metadata agreeing with the issuer it came from.
    await term.press(KEYS.left);
    await term.waitFor(/✓ SMART metadata vs https:[\s\S]*The metadata agrees with[\s\S]*\(6 fields compared\)/);
    await term.press(KEYS.right);
    await term.waitFor('Create data store');
    await confirmCreate(term);
    await term.waitFor('The data store is ACTIVE', 20_000);
    const sent = fx.emulator.datastores().find((datastore) => datastore.request.DatastoreName === 'prefilled');
    const metadata = (sent?.request.IdentityProviderConfiguration as { Metadata?: string } | undefined)?.Metadata;
    expect(JSON.parse(metadata ?? '{}')).toEqual(configuration());
  });
});
