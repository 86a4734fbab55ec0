import { describe, expect, it } from 'vitest';
import { checkQuery, formatTimestamp, renderOutput, renderTable, renderText, toPlainData } from '../../src/cli-output/render-output.js';

const created = {
  DatastoreId: 'abc',
  DatastoreArn: 'arn:aws:healthlake:us-east-1:123456789012:datastore/fhir/abc',
  DatastoreStatus: 'CREATING',
  DatastoreEndpoint: 'https://healthlake.us-east-1.amazonaws.com/datastore/abc/r4/',
  $metadata: { httpStatusCode: 200 },
};

describe('AWS CLI output formats', () => {
  it('json: 4-space indent, SDK metadata dropped, timestamps as the AWS CLI prints them', async () => {
    const out = await renderOutput({ ...created, CreatedAt: new Date(Date.UTC(2024, 4, 1, 12, 0, 0, 123)) }, { operation: 'CreateFHIRDatastore' });
    expect(out).toContain('\n    "DatastoreId": "abc",');
    expect(out).not.toContain('$metadata');
    expect(out).toContain('"CreatedAt": "2024-05-01T12:00:00.123000+00:00"');
    expect(formatTimestamp(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe('2024-01-02T03:04:05+00:00');
  });

  it('--query applies JMESPath before formatting', async () => {
    expect(await renderOutput(created, { query: 'DatastoreId', operation: 'X' })).toBe('"abc"\n');
    expect(await renderOutput(created, { query: 'DatastoreId', output: 'text', operation: 'X' })).toBe('abc\n');
    expect(await renderOutput(created, { query: '{id: DatastoreId}', output: 'yaml', operation: 'X' })).toBe('id: abc\n');
    expect(await renderOutput(created, { query: 'Missing', output: 'text', operation: 'X' })).toBe('None\n');
  });

  it('rejects a malformed --query before anything is sent', async () => {
    expect(await checkQuery('DatastoreId')).toBeUndefined();
    expect(await checkQuery('Datastore[')).toMatch(/^--query: not a valid JMESPath expression/);
  });

  it('yaml and yaml-stream', async () => {
    expect(await renderOutput(created, { output: 'yaml', operation: 'X' })).toMatch(/^DatastoreId: abc\nDatastoreArn: arn:/);
    expect(await renderOutput(created, { output: 'yaml-stream', operation: 'X' })).toMatch(/^- DatastoreId: abc\n {2}DatastoreArn: arn:/);
  });

  it('text: sorted scalars tab-separated, nested sections named in upper case, Python-style booleans', () => {
    const data = toPlainData({
      DatastoreProperties: {
        DatastoreStatus: 'ACTIVE',
        DatastoreId: 'abc',
        IdentityProviderConfiguration: { AuthorizationStrategy: 'AWS_AUTH', FineGrainedAuthorizationEnabled: false },
        Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }],
      },
    });
    expect(renderText(data)).toBe(
      ['DATASTOREPROPERTIES\tabc\tACTIVE', 'IDENTITYPROVIDERCONFIGURATION\tAWS_AUTH\tFalse', 'TAGS\ta\t1', 'TAGS\tb\t2', ''].join('\n'),
    );
    expect(renderText(toPlainData(created))).toBe(`${[created.DatastoreArn, created.DatastoreEndpoint, 'abc', 'CREATING'].join('\t')}\n`);
  });

  it('table: titled, columns when they fit, key/value rows when they do not', async () => {
    const narrow = (await renderTable(toPlainData({ Id: 'abc', Status: 'ACTIVE' }), 'Op', 80)).split('\n');
    expect(narrow[1]).toMatch(/^\|\s+Op\s+\|$/);
    expect(narrow[3]).toMatch(/^\|\s+Id\s+\|\s+Status\s+\|$/);
    expect(narrow[5]).toMatch(/^\| {2}abc\s+\| {2}ACTIVE\s+\|$/);
    const wide = (await renderTable(toPlainData(created), 'CreateFHIRDatastore', 100)).split('\n');
    expect(wide.some((line) => /^\| {2}DatastoreId\s+\| {2}abc\s+\|$/.test(line))).toBe(true);
    for (const line of wide.filter(Boolean)) expect(line.length).toBe(wide[0]!.length);
  });
});
