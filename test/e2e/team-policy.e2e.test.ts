/**
 * The project folder in the wizard: started from a folder nested in a project, the start screen offers the
 * project's preset with its origin; the team policy is enforced as the person types, in the same words as
 * `create --no-interactive` and `policy check`, and the data store is created once the rule is kept.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS, type PtyTerminal } from '../support/pty-terminal.js';
import { addTag, FLAGS_UP_TO_TAGS } from '../support/wizard-steps.js';
import { confirmCreate, spawnWizard, useWizardFixture } from './wizard-session.js';

const fx = useWizardFixture();
let term: PtyTerminal;

const POLICY = `version: 1
rules:
  - id: owner-tag
    rule: every data store needs an owner tag
    reason: finance bills each team by it
    fix: Add a tag with the key owner.
    request:
      required: [Tags]
      properties:
        Tags: { contains: { properties: { Key: { const: owner } }, required: [Key] } }
`;

/** The screen's lines as running text: a message wrapped between words reads whole again. */
const runningText = (term: PtyTerminal) => term.lines().map((line) => line.trim()).join(' ');

describe('the team policy in the wizard', () => {
  it('offers the project preset with its origin, and holds the answers to the policy as they are typed', async () => {
    const dirs = fx.tempHome();
    const project = join(dirs.home, 'repo', '.healthlake-wizard');
    const nested = join(dirs.home, 'repo', 'services', 'records');
    mkdirSync(join(project, 'presets'), { recursive: true });
    mkdirSync(nested, { recursive: true });
    writeFileSync(join(project, 'policy.yaml'), POLICY);
    writeFileSync(join(project, 'presets', 'clinic.json'), '{\n    "DatastoreName": "team-clinic",\n    "DatastoreTypeVersion": "R4"\n}\n');

    term = fx.track(spawnWizard(fx.emulator, dirs, [], nested));
    await term.waitFor(/Start from a preset…\s+1, 1 from the project/);
    await term.press(KEYS.down);
    await term.waitFor(/› Start from a preset/);
    term.write(KEYS.enter);
    await term.waitFor(/clinic\s+project · \.\.\/\.\.\/\.healthlake-wizard\/presets\/clinic\.json/);
    term.write(KEYS.enter);

    // The preset breaks the policy: the wizard asks for the tags, with the rule, its reason and the fix.
    await term.waitFor('No tags yet');
    const rule = 'team policy: every data store needs an owner tag — finance bills each team by it (rule owner-tag, ../../.healthlake-wizard/policy.yaml line 3)';
    await term.waitFor((screen) => runningText(term).includes(rule) && screen.includes('Fix: Add a tag with the key owner.'));

    // A tag, but not the owner: still the rule. Then the owner tag: the rule is kept, and review follows.
    await addTag(term, 'team', 'care');
    await term.waitFor(/team\s+=\s+care/);
    expect(runningText(term)).toContain(rule);
    await addTag(term, 'owner', 'records');
    await term.waitFor((screen) => /owner\s+=\s+records/.test(screen) && !runningText(term).includes('team policy:'));
    await term.press(KEYS.down, KEYS.down);
    term.write(KEYS.enter);
    await term.waitFor(/Review —[\s\S]*Data store name\s+team-clinic/);
    await confirmCreate(term);
    await term.waitFor('The data store is ACTIVE', 20_000);
    expect((await term.exited).exitCode).toBe(0);
    const sent = fx.emulator.datastores().find((datastore) => datastore.request.DatastoreName === 'team-clinic');
    expect(sent?.request.Tags).toEqual([
      { Key: 'team', Value: 'care' },
      { Key: 'owner', Value: 'records' },
    ]);
  });

  it('stops at a broken policy file before the first screen: exit 253, naming the file, the line and the fix', async () => {
    const dirs = fx.tempHome();
    const project = join(dirs.home, 'repo', '.healthlake-wizard');
    const nested = join(dirs.home, 'repo', 'services');
    mkdirSync(project, { recursive: true });
    mkdirSync(nested, { recursive: true });
    // The owner-tag rule without its reason (line 3 is the rule).
    writeFileSync(join(project, 'policy.yaml'), 'version: 1\nrules:\n  - id: owner-tag\n    rule: every data store needs an owner tag\n    request: { required: [Tags] }\n');
    const before = fx.emulator.datastores().length;
    term = fx.track(spawnWizard(fx.emulator, dirs, [], nested));
    const { exitCode } = await term.exited;
    expect(exitCode).toBe(253);
    const said = term.output().replace(/\r/g, '');
    expect(said).toContain('../.healthlake-wizard/policy.yaml line 3: rules[0] needs "reason": every rule gives the team\'s reason.');
    expect(said).toContain('Fix: See docs/presets.md ("The team policy") for the format and a complete example.');
    expect(said).not.toContain('Step 1 of');
    expect(fx.emulator.datastores()).toHaveLength(before);
  });

  it('holds the target to the Region rules once it is known, on review, and blocks creating', async () => {
    const dirs = fx.tempHome();
    const project = join(dirs.home, '.healthlake-wizard');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'policy.json'), JSON.stringify({ version: 1, rules: [{ id: 'eu-only', rule: 'data stores live in eu-west-1', reason: 'our data stays in the EU', regions: ['eu-west-1'] }] }, null, 2));
    term = fx.track(spawnWizard(fx.emulator, dirs, [...FLAGS_UP_TO_TAGS, '--tags', 'Key=a,Value=b', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH'], dirs.home));
    await term.waitFor('Review —');
    await term.waitFor(() => runningText(term).includes('✗ team policy: data stores live in eu-west-1 — our data stays in the EU (rule eu-only, .healthlake-wizard/policy.json line 4)') && runningText(term).includes('Fix: Press Ctrl+T and choose the Region eu-west-1; every answer is kept.'));
    expect(term.screen()).toContain('Fix the problems above before creating.');
    term.write('c');
    await term.settled();
    expect(term.screen()).not.toContain('billed per hour');
  });

  it('holds a preset saved from review to the rules for its name (a rule on prod-* presets), as presets save does', async () => {
    const dirs = fx.tempHome();
    const project = join(dirs.home, '.healthlake-wizard');
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, 'policy.yaml'),
      'version: 1\nrules:\n  - id: prod-no-samples\n    rule: production presets preload no sample data\n    reason: prod holds patient data only\n    fix: Choose no sample data.\n    when: { presets: ["prod-*"] }\n    request:\n      not: { required: [PreloadDataConfig] }\n',
    );
    term = fx.track(spawnWizard(fx.emulator, dirs, [...FLAGS_UP_TO_TAGS, '--tags', 'Key=a,Value=b', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH'], dirs.home));
    await term.waitFor(/Review —[\s\S]*Ctrl\+C quit/);
    await term.press('s');
    await term.waitFor('Save these answers as a preset');
    term.type('prod-clinic');
    await term.waitFor('prod-clinic');
    await term.press(KEYS.enter);
    // The dialog's lines, read without its border.
    const dialogText = () => term.lines().map((line) => line.replace(/│/g, '').trim()).join(' ');
    await term.waitFor(() => dialogText().includes('✗ team policy: production presets preload no sample data — prod holds patient data only (rule prod-no-samples, .healthlake-wizard/policy.yaml line 3)') && dialogText().includes('Fix: Choose no sample data.'));
    // Another name, to which the rule does not apply, is saved.
    await term.press('\x15'); // Ctrl+U: the name cleared
    term.type('dev-clinic');
    await term.waitFor('dev-clinic');
    await term.press(KEYS.enter);
    await term.waitFor('Saved preset "dev-clinic"');
    const saved = JSON.parse(readFileSync(join(dirs.configDir, 'presets.json'), 'utf8')) as { presets: Record<string, unknown> };
    expect(Object.keys(saved.presets)).toEqual(['dev-clinic']);
  });

  it('checks the rules on accounts before sending (STS says whose the credentials are), and sends nothing when one is broken', async () => {
    const dirs = fx.tempHome();
    const project = join(dirs.home, '.healthlake-wizard');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'policy.yaml'), 'version: 1\nrules:\n  - id: prod-account\n    rule: data stores live in the platform account\n    reason: only it is monitored\n    accounts: ["111122223333"]\n');
    const before = fx.emulator.datastores().length;
    term = fx.track(spawnWizard(fx.emulator, dirs, [...FLAGS_UP_TO_TAGS, '--tags', 'Key=a,Value=b', '--identity-provider-configuration', 'AuthorizationStrategy=AWS_AUTH'], dirs.home));
    await term.waitFor('Review —');
    await confirmCreate(term);
    await term.waitFor(() => runningText(term).includes('team policy: data stores live in the platform account — only it is monitored (rule prod-account, .healthlake-wizard/policy.yaml line 3)') && /Fix: Press Ctrl\+T and choose a profile of account 111122223333; every answer is kept\./.test(runningText(term)), 20_000);
    expect(fx.emulator.datastores()).toHaveLength(before);
  });
});
