/** The JSON 1.0 wire protocol as the service speaks it: targets, content type, errors, timestamps. */
import { describe, expect, it } from 'vitest';
import { emulatorForTest } from './emulator-fixture.js';
import { sendRaw } from './raw-request.js';

describe('JSON 1.0 protocol', () => {
  it('answers with application/x-amz-json-1.0, a request id and epoch-second timestamps', async () => {
    const emulator = await emulatorForTest();
    const created = await sendRaw(emulator, { target: 'HealthLake.CreateFHIRDatastore', body: '{"DatastoreTypeVersion":"R4"}' });
    expect(created.status).toBe(200);
    expect(created.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(created.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    const described = await sendRaw(emulator, {
      target: 'HealthLake.DescribeFHIRDatastore',
      body: JSON.stringify({ DatastoreId: created.body.DatastoreId }),
    });
    const createdAt = (described.body.DatastoreProperties as { CreatedAt: unknown }).CreatedAt;
    expect(typeof createdAt).toBe('number');
    expect(Math.abs((createdAt as number) - Date.now() / 1000)).toBeLessThan(60);
    expect(emulator.requests).toMatchObject({ CreateFHIRDatastore: 1, DescribeFHIRDatastore: 1 });
  });

  it('answers UnknownOperationException for an unknown target', async () => {
    const emulator = await emulatorForTest();
    const answer = await sendRaw(emulator, { target: 'HealthLake.CreateFHIRDatastoreV2' });
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('UnknownOperationException');
    const missing = await sendRaw(emulator, {});
    expect(missing.body.__type).toBe('UnknownOperationException');
    expect(emulator.requests['CreateFHIRDatastoreV2']).toBe(1);
  });

  it('answers SerializationException for a body that is not a JSON object', async () => {
    const emulator = await emulatorForTest();
    for (const body of ['{"DatastoreTypeVersion":', '[1,2]']) {
      const answer = await sendRaw(emulator, { target: 'HealthLake.CreateFHIRDatastore', body });
      expect(answer.status).toBe(400);
      expect(answer.body.__type).toBe('SerializationException');
      expect(answer.body.message).toMatch(/JSON/);
    }
    expect(emulator.datastores()).toHaveLength(0);
  });

  it('answers ValidationException with a message naming field and rule for a client that skips validation', async () => {
    const emulator = await emulatorForTest();
    const answer = await sendRaw(emulator, {
      target: 'HealthLake.CreateFHIRDatastore',
      body: JSON.stringify({ DatastoreTypeVersion: 'R5', ClientToken: 'has space' }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('ValidationException');
    expect(answer.body.message).toContain('DatastoreTypeVersion');
    expect(answer.body.message).toContain('rule: enum');
    expect(answer.body.message).toContain('ClientToken');
  });
});
