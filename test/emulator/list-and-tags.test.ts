/** ListFHIRDatastores (filters, pagination) and the tag operations, through the real SDK. */
import {
  CreateFHIRDatastoreCommand,
  ListFHIRDatastoresCommand,
  ListTagsForResourceCommand,
  ResourceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  ValidationException,
  paginateListFHIRDatastores,
  type DatastoreProperties,
} from '@aws-sdk/client-healthlake';
import { describe, expect, it } from 'vitest';
import { clientFor, emulatorForTest, rejectionOf } from './emulator-fixture.js';

describe('ListFHIRDatastores', () => {
  it('filters by name, status and creation time', async () => {
    let now = Date.now();
    const emulator = await emulatorForTest({ createDelayMs: 10_000, now: () => now });
    const client = clientFor(emulator);
    const create = (name: string) => client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', DatastoreName: name }));
    const first = await create('alpha');
    now += 20_000; // alpha is ACTIVE now
    const middle = new Date(now - 1000);
    await create('beta');
    await create('alpha');
    const list = async (Filter: object) =>
      ((await client.send(new ListFHIRDatastoresCommand({ Filter }))).DatastorePropertiesList ?? []).map((d) => d.DatastoreName);

    expect(await list({})).toEqual(['alpha', 'beta', 'alpha']);
    expect(await list({ DatastoreName: 'alpha' })).toEqual(['alpha', 'alpha']);
    expect(await list({ DatastoreStatus: 'ACTIVE' })).toEqual(['alpha']);
    expect(await list({ DatastoreStatus: 'CREATING' })).toEqual(['beta', 'alpha']);
    expect(await list({ CreatedBefore: middle })).toEqual(['alpha']);
    expect(await list({ CreatedAfter: middle })).toEqual(['beta', 'alpha']);
    expect(await list({ CreatedAfter: middle, DatastoreName: 'beta' })).toEqual(['beta']);
    const [listed] = (await client.send(new ListFHIRDatastoresCommand({ Filter: { DatastoreStatus: 'ACTIVE' } }))).DatastorePropertiesList!;
    expect(listed!.DatastoreId).toBe(first.DatastoreId);
    expect(listed!.CreatedAt).toBeInstanceOf(Date);
  });

  it('paginates with MaxResults and an opaque NextToken', async () => {
    const emulator = await emulatorForTest();
    const client = clientFor(emulator);
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      ids.push((await client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', DatastoreName: `ds-${index}` }))).DatastoreId!);
    }
    const pages: DatastoreProperties[][] = [];
    for await (const page of paginateListFHIRDatastores({ client, pageSize: 2 }, {})) pages.push(page.DatastorePropertiesList ?? []);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((d) => d.DatastoreId)).toEqual(ids);

    const firstPage = await client.send(new ListFHIRDatastoresCommand({ MaxResults: 3 }));
    expect(firstPage.NextToken).toBeTypeOf('string');
    expect(firstPage.NextToken).not.toMatch(/^\d+$/);
    // A token belongs to its filter.
    const error = await rejectionOf(client.send(new ListFHIRDatastoresCommand({ NextToken: firstPage.NextToken, Filter: { DatastoreName: 'ds-1' } })));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toContain('NextToken');
  });

  it('rejects MaxResults out of 1..500 and bad filter values', async () => {
    const emulator = await emulatorForTest();
    const client = clientFor(emulator);
    for (const MaxResults of [0, 501]) {
      const error = await rejectionOf(client.send(new ListFHIRDatastoresCommand({ MaxResults })));
      expect(error).toBeInstanceOf(ValidationException);
      expect(error.message).toContain('MaxResults');
      expect(error.message).toContain('between 1 and 500');
    }
    const status = await rejectionOf(client.send(new ListFHIRDatastoresCommand({ Filter: { DatastoreStatus: 'READY' as 'ACTIVE' } })));
    expect(status.message).toContain('Filter.DatastoreStatus');
    const garbage = await rejectionOf(client.send(new ListFHIRDatastoresCommand({ NextToken: 'not-a-token' })));
    expect(garbage).toBeInstanceOf(ValidationException);
  });
});

describe('tags', () => {
  it('lists, adds, replaces and removes tags', async () => {
    const emulator = await emulatorForTest();
    const client = clientFor(emulator);
    const { DatastoreArn: ResourceARN } = await client.send(
      new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4', Tags: [{ Key: 'team', Value: 'data' }] }),
    );
    const tags = async () => (await client.send(new ListTagsForResourceCommand({ ResourceARN }))).Tags;
    expect(await tags()).toEqual([{ Key: 'team', Value: 'data' }]);
    await client.send(new TagResourceCommand({ ResourceARN, Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'ml' }] }));
    expect(await tags()).toEqual([{ Key: 'team', Value: 'ml' }, { Key: 'env', Value: 'prod' }]);
    await client.send(new UntagResourceCommand({ ResourceARN, TagKeys: ['team', 'absent'] }));
    expect(await tags()).toEqual([{ Key: 'env', Value: 'prod' }]);
    // The original request is kept as sent, whatever happens to the tags later.
    expect(emulator.datastores()[0]!.request.Tags).toEqual([{ Key: 'team', Value: 'data' }]);
  });

  it('validates ARNs and tag values, and reports unknown resources', async () => {
    const emulator = await emulatorForTest();
    const client = clientFor(emulator);
    const badArn = await rejectionOf(client.send(new ListTagsForResourceCommand({ ResourceARN: 'arn:aws:s3:::bucket' })));
    expect(badArn).toBeInstanceOf(ValidationException);
    expect(badArn.message).toContain('ResourceARN');

    const missing = `arn:aws:healthlake:us-east-1:123456789012:datastore/fhir/${'0'.repeat(32)}`;
    expect(await rejectionOf(client.send(new ListTagsForResourceCommand({ ResourceARN: missing })))).toBeInstanceOf(ResourceNotFoundException);

    const { DatastoreArn } = await client.send(new CreateFHIRDatastoreCommand({ DatastoreTypeVersion: 'R4' }));
    const badTag = await rejectionOf(client.send(new TagResourceCommand({ ResourceARN: DatastoreArn, Tags: [{ Key: 'k', Value: 'semi;colon' }] })));
    expect(badTag).toBeInstanceOf(ValidationException);
    expect(badTag.message).toContain('Tags[0].Value');
    const tooMany = await rejectionOf(client.send(new UntagResourceCommand({ ResourceARN: DatastoreArn, TagKeys: Array.from({ length: 201 }, (_, i) => `k${i}`) })));
    expect(tooMany.message).toContain('at most 200');
  });
});
