import { describe, expect, it } from 'vitest';
import { OPTION_FLAGS } from '../../src/request/create-flags.js';
import { commandLines, renderCreateHelp, wrapText } from '../../src/request/help.js';
import { LEAVES, PARAMETERS } from '../../src/parameter-model/index.js';
import { overlongHelpLines } from '../support/help-lines.js';

describe('create --help', () => {
  const help = renderCreateHelp();

  it('fits 80 columns (and a narrower width when asked); only an unbroken example argument may run longer', () => {
    for (const width of [80, 60]) expect(overlongHelpLines(renderCreateHelp(width), width)).toEqual([]);
    expect(overlongHelpLines('  a line that is far too long to fit', 20)).toEqual(['  a line that is far too long to fit']);
  });

  it('breaks examples only between arguments, each continued with a backslash', () => {
    const lines = commandLines(['healthlake-wizard', 'create', '--datastore-name', 'x'.repeat(30), '--tags', 'Key=a,Value=b'], 40, '  ');
    expect(lines).toEqual(['  healthlake-wizard create \\', '    --datastore-name \\', `    ${'x'.repeat(30)} \\`, '    --tags Key=a,Value=b']);
    expect(help).toContain(`'KmsEncryptionConfig={CmkType=CUSTOMER_MANAGED_KMS_KEY,KmsKeyId=alias/healthlake}'`);
  });

  it('lists the commands', () => {
    for (const command of ['create', 'status', 'history', 'presets', 'emulator']) expect(help).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it('documents every parameter with its syntax, limits and an example, from the spec', () => {
    for (const parameter of PARAMETERS) {
      expect(help).toContain(`  ${parameter.flag} <`);
      expect(help.replace(/\s+/g, ' ')).toContain(`Example: ${parameter.flag} `);
    }
    for (const leaf of LEAVES) {
      if (leaf.node.kind === 'string' && leaf.node.max !== undefined) expect(help).toContain(`${leaf.node.min ?? 0} to ${leaf.node.max} characters`);
      if (leaf.node.kind === 'enum') for (const v of leaf.node.values) expect(help).toContain(`${v.value}: `);
    }
    expect(help.replace(/\s+/g, ' ')).toContain('Shorthand: KmsEncryptionConfig={CmkType=');
    expect(help).toContain('0 to 200 items.');
  });

  it('lists every option', () => {
    for (const option of OPTION_FLAGS) expect(help).toMatch(new RegExp(`^  ${option.flag}( |$)`, 'm'));
  });

  it('wraps words, breaking over-long ones after commas', () => {
    expect(wrapText('aaa bbb ccc', 17, '  ')).toEqual(['  aaa bbb ccc']);
    expect(wrapText('a=1,b=2,c=3,d=4,e=5', 14, '  ')).toEqual(['  a=1,b=2,c=3,', '  d=4,e=5']);
  });
});
