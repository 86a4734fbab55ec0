/**
 * `--save-preset` in the wizard and the plain mode save through `savePresetAs` once the data store is created: a
 * real store, and a team policy read from its text, with a rule for `prod-*` presets only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPolicy } from '../../src/request/policy-file.js';
import { openStore } from '../../src/store/index.js';
import { savePresetAs } from '../../src/ui/effects/use-submission.js';

const POLICY = readPolicy(
  'version: 1\nrules:\n  - id: prod-no-samples\n    rule: production presets preload no sample data\n    reason: prod holds patient data only\n    fix: Choose no sample data.\n    when: { presets: ["prod-*"] }\n    request:\n      not: { required: [PreloadDataConfig] }\n',
  '.healthlake-wizard/policy.yaml',
);
const ANSWERS = { DatastoreTypeVersion: 'R4', DatastoreName: 'clinic', 'PreloadDataConfig.PreloadDataType': 'SYNTHEA', ClientToken: 't-1' };

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('savePresetAs with a team policy', () => {
  it('refuses a name the policy holds the answers to, saying the rule and the fix, and saves under another', () => {
    dir = mkdtempSync(join(tmpdir(), 'hlw-save-'));
    const store = openStore({ configDir: dir });
    const said: string[] = [];
    expect(savePresetAs(store, 'prod-clinic', { answers: ANSWERS, policy: POLICY }, (line) => said.push(line))).toBe(false);
    expect(said.join('')).toBe(
      'healthlake-wizard: the preset "prod-clinic" was not saved: team policy: production presets preload no sample data — prod holds patient data only (rule prod-no-samples, .healthlake-wizard/policy.yaml line 3)\n  Fix: Choose no sample data.\n',
    );
    expect(store.presets.get('prod-clinic')).toBeUndefined();
    expect(savePresetAs(store, 'dev-clinic', { answers: ANSWERS, policy: POLICY }, (line) => said.push(line))).toBe(true);
    expect(store.presets.get('dev-clinic')?.answers).toEqual({ DatastoreTypeVersion: 'R4', DatastoreName: 'clinic', 'PreloadDataConfig.PreloadDataType': 'SYNTHEA' });
  });
});
