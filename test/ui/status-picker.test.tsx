/**
 * `status` without an id, as a component against the emulator with the real SDK: the picker over the Region's
 * data stores and the local history, filtering by typing, the status panel of the one picked, and the history
 * kept when the Region cannot be listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/aws/gateway.js';
import type { RunningEmulator } from '../../src/emulator/types.js';
import { SANDBOX_CREDENTIALS, startEmulator } from '../../src/emulator/index.js';
import type { HistoryEntry } from '../../src/store/types.js';
import { createApp } from '../../src/ui/app.js';
import { filterItems, pickerReducer, INITIAL_PICKER_STATE } from '../../src/ui/inputs/picker/use-picker-state.js';
import { datastoreItems } from '../../src/ui/effects/datastore-choices.js';
import { memoryStore } from '../aws/memory-store.js';
import { emulatorDeps } from './support/emulator-deps.js';
import { drive, KEY } from './support/ink-driver.js';

const CREATE_DELAY_MS = 60_000;
// The emulator's clock stands still: what it created stays CREATING.
const clock = Date.now();
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ createDelayMs: CREATE_DELAY_MS, now: () => clock });
});
afterAll(async () => {
  await emulator.stop();
});

const gateway = () => createGateway({ endpointUrl: emulator.url, region: emulator.region }, { credentials: { ...SANDBOX_CREDENTIALS } });

function historyEntry(datastoreId: string, more: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    datastoreId,
    datastoreArn: `arn:aws:healthlake:${emulator.region}:123456789012:datastore/fhir/${datastoreId}`,
    datastoreName: 'from-history',
    region: emulator.region,
    endpoint: emulator.url,
    sandbox: false,
    createdAt: new Date(clock).toISOString(),
    lastStatus: 'CREATING',
    lastSeenAt: new Date(clock).toISOString(),
    ...more,
  };
}

describe('the data store picker (pure parts)', () => {
  it('filters on every word, where a word begins in label, meaning or keywords; a new filter highlights its first match', () => {
    const items = [
      { value: 1, label: 'a1', meaning: 'ACTIVE · clinic' },
      { value: 2, label: 'b2', meaning: 'CREATING · clinic' },
      { value: 3, label: 'c3', meaning: 'ACTIVE · lab', keywords: 'alias/lab-key' },
    ];
    expect(filterItems(items, 'active CLINIC').map((item) => item.value)).toEqual([1]);
    expect(filterItems(items, 'lab-key').map((item) => item.value)).toEqual([3]);
    expect(filterItems(items, '  ').map((item) => item.value)).toEqual([1, 2, 3]);
    // A word matches where a word begins: `usable` is not found inside `unusable`, nor `linic` inside clinic.
    const keys = [
      { value: 'a', label: 'alias/a', meaning: 'Enabled · usable by HealthLake' },
      { value: 'b', label: 'alias/b', meaning: 'Disabled, unusable' },
    ];
    expect(filterItems(keys, 'usable').map((item) => item.value)).toEqual(['a']);
    expect(filterItems(items, 'linic')).toEqual([]);
    const moved = pickerReducer(INITIAL_PICKER_STATE, { type: 'move', by: -1, count: 3 });
    expect(moved.highlighted).toBe(2);
    expect(pickerReducer(moved, { type: 'edit', edit: { value: 'a', cursor: 1 } }).highlighted).toBe(0);
    expect(pickerReducer(moved, { type: 'edit', edit: { value: '', cursor: 0 } }).highlighted).toBe(2);
  });

  it('puts the history first, newest first and marked; a data store in both is one row with the fresh status', () => {
    const older = historyEntry('a'.repeat(32), { createdAt: '2026-01-01T00:00:00Z', region: 'eu-west-1' });
    const newer = historyEntry('b'.repeat(32), { createdAt: '2026-02-01T00:00:00Z' });
    const listed = [
      { DatastoreId: 'b'.repeat(32), DatastoreArn: '', DatastoreStatus: 'ACTIVE' as const, DatastoreName: 'renamed?', DatastoreTypeVersion: 'R4', DatastoreEndpoint: '', CreatedAt: new Date('2026-02-01T00:00:00Z') },
      { DatastoreId: 'c'.repeat(32), DatastoreArn: '', DatastoreStatus: 'CREATING' as const, DatastoreTypeVersion: 'R4', DatastoreEndpoint: '', CreatedAt: new Date('2026-03-01T00:00:00Z') },
    ];
    const rows = datastoreItems(listed, [older, newer]);
    expect(rows.map((row) => row.label)).toEqual([`* ${'b'.repeat(32)}`, `* ${'a'.repeat(32)}`, `  ${'c'.repeat(32)}`]);
    expect(rows[0]!.meaning).toMatch(/^ACTIVE · renamed\? · /);
    expect(rows[1]!.meaning).toBe('CREATING when last seen · from-history · eu-west-1 · created 2026-01-01');
    expect(rows[1]!.value.entry).toBe(older);
    expect(rows[2]!.value.entry).toBeUndefined();
  });
});

describe('status without an id', () => {
  it('lists the Region\'s data stores and the history, filters as you type, and follows the one picked', async () => {
    const tag = `pick${clock}`;
    const theirs = (await gateway().create({ DatastoreTypeVersion: 'R4', DatastoreName: `${tag}-theirs` })).DatastoreId;
    const mine = (await gateway().create({ DatastoreTypeVersion: 'R4', DatastoreName: `${tag}-mine` })).DatastoreId;
    // In the history only: created elsewhere (another Region), so the target's list does not have it.
    const elsewhere = historyEntry('e'.repeat(32), { region: 'eu-west-1', datastoreName: `${tag}-elsewhere` });
    const store = memoryStore();
    store.history.add(elsewhere);
    store.history.add(historyEntry(mine, { datastoreName: `${tag}-mine`, createdAt: new Date(clock + 1000).toISOString() }));
    const deps = emulatorDeps(emulator, { store });
    const screen = drive(createApp(deps, { mode: 'status', sandbox: false, options: {} }));
    await screen.waitFor('Which data store?');
    // The history's rows first, marked; the Region's own data store once the listing arrived.
    const listedFrame = await screen.waitFor(theirs);
    const rows = listedFrame.split('\n').filter((line) => /[0-9a-f]{32}/.test(line));
    expect(rows[0]).toMatch(new RegExp(`› \\* ${mine}\\s+CREATING · ${tag}-mine · ${emulator.region}`));
    expect(rows[1]).toMatch(new RegExp(`\\* ${'e'.repeat(32)}\\s+CREATING when last seen · ${tag}-elsewhere · eu-`));
    expect(listedFrame).toContain('↑↓ choose · Enter select · Esc back · Ctrl+C quit');
    expect(listedFrame).not.toContain('Listing the data stores');

    await screen.type(`${tag}-th`);
    const filtered = screen.frame();
    expect(filtered).toContain(`Filter: ${tag}-th`);
    expect(filtered).toMatch(/ 1 of \d+/);
    expect(filtered).toContain('Enter select · Esc clear filter');
    expect(filtered).toContain(theirs);
    expect(filtered).not.toContain(mine);
    await screen.press(KEY.enter);
    // The status panel of the one picked, connected to the target (not to a history entry's place).
    await screen.waitFor(/CREATING[\s\S]*Checked/);
    await screen.waitFor(`healthlake-wizard status ${theirs}`);
    expect(deps.connectedWhere.every((where) => where === undefined)).toBe(true);
    screen.write(KEY.ctrlC);
    expect((await deps.exited).code).toBe(130);
    screen.unmount();
  });

  it('follows a data store of the history where it was created', async () => {
    const elsewhere = historyEntry('f'.repeat(32), { region: 'eu-west-1', datastoreName: 'far-away' });
    const store = memoryStore();
    store.history.add(elsewhere);
    const deps = emulatorDeps(emulator, { store });
    const screen = drive(createApp(deps, { mode: 'status', sandbox: false, options: {} }));
    await screen.waitFor((frame) => frame.includes('far-away') && !frame.includes('Listing the data stores'));
    await screen.type('far');
    await screen.press(KEY.enter);
    await screen.waitFor(`healthlake-wizard status ${'f'.repeat(32)}`);
    // The panel asked for a connection to where the history says the data store lives.
    await expect.poll(() => deps.connectedWhere.at(-1)).toBe(elsewhere);
    screen.write(KEY.ctrlC);
    expect((await deps.exited).code).toBe(130);
    screen.unmount();
  });

  it('Esc clears the filter, then leaves with nothing chosen (exit 130); nothing matching says so', async () => {
    const deps = emulatorDeps(emulator, { store: memoryStore() });
    const screen = drive(createApp(deps, { mode: 'status', sandbox: false, options: {} }));
    // Typed once the listing is in: each key is then seen to change the frame by itself.
    await screen.waitFor((frame) => frame.includes('Which data store?') && !frame.includes('Listing the data stores'));
    // Each key is waited for by what it shows: a frame may also change for another reason (a late redraw) between
    // two keys, and the second one then shows after `type` returned.
    await screen.type('zz');
    await screen.waitFor('Nothing matches "zz".');
    // Esc is read as a key of its own once nothing follows it for a moment: wait for the filter to be empty.
    await screen.press(KEY.escape);
    await screen.waitFor((frame) => !frame.includes('zz') && !frame.includes('Nothing matches'));
    screen.write(KEY.escape);
    expect(await deps.exited).toEqual({ code: 130, farewell: 'Nothing was chosen.\n' });
    screen.unmount();
  });

  it('keeps the history when the Region cannot be listed, and says why with the fix', async () => {
    const refused = createGateway({ endpointUrl: emulator.url, region: emulator.region }, { credentials: { accessKeyId: 'AKIDNOTKNOWN00000000', secretAccessKey: 'not-the-secret' } });
    const store = memoryStore();
    store.history.add(historyEntry('d'.repeat(32), { datastoreName: 'still-here' }));
    const deps = emulatorDeps(emulator, { store, gateway: refused });
    const screen = drive(createApp(deps, { mode: 'status', sandbox: false, options: {} }));
    const frame = await screen.waitFor('could not be listed', 10_000);
    expect(frame).toContain('still-here');
    expect(frame.replace(/\s+/g, ' ')).toMatch(/The service rejected your credentials: .+ Check the access key and secret .* The local history is shown\./);
    screen.write(KEY.ctrlC);
    expect((await deps.exited).code).toBe(130);
    screen.unmount();
  });
});
