/** The ACTIVE screen's next steps: commands that paste as one command in a shell, and that fit the data store. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NextSteps } from '../../src/ui/status/next-steps.js';
import { drive } from './support/ink-driver.js';

const ID = '6ca58cad21096599a5c6c58b07e22be1';
const ENDPOINT = `https://healthlake.us-east-1.amazonaws.com/datastore/${ID}/r4/`;

/** The frame (ink-testing-library draws 100 columns wide) and the first command in it, as lines. */
function render(props: { sandbox: boolean; smart: boolean }) {
  const screen = drive(<NextSteps datastoreId={ID} endpoint={ENDPOINT} region="us-east-1" {...props} />);
  const lines = screen.frame().split('\n');
  screen.unmount();
  const start = lines.findIndex((line) => line.trimStart().startsWith('curl'));
  const end = lines.findIndex((line, index) => index > start && !line.endsWith('\\'));
  return { lines, curl: lines.slice(start, end + 1).join('\n') };
}

/** What a shell passes to the command when the lines are pasted: curl replaced by a printer of its arguments. */
function pastedArguments(command: string, env: Record<string, string> = {}): string[] {
  const script = `curl() { printf '%s\\n' "$@"; }\n${command}\n`;
  return execFileSync('sh', ['-c', script], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' }).trimEnd().split('\n');
}

describe('next steps on ACTIVE', () => {
  it('sends every aws command where the wizard went, and puts the credentials curl signs with in the environment', () => {
    const screen = drive(<NextSteps datastoreId={ID} endpoint={ENDPOINT} region="eu-west-2" sandbox={false} smart={false} profile="dev" endpointUrl="https://vpce.example" />);
    const lines = screen.frame().split('\n');
    screen.unmount();
    const text = lines.join('\n');
    const commands = text.replace(/ ?\\\n\s*/g, ' ').split('\n').map((line) => line.trim());
    const awsCommands = commands.filter((line) => line.startsWith('aws '));
    expect(awsCommands.length).toBeGreaterThan(0);
    for (const command of awsCommands) expect(command).toContain('--region eu-west-2 --profile dev --endpoint-url https://vpce.example');
    expect(commands).toContain('eval "$(aws configure export-credentials --profile dev --format env)"');
    // Pasted as shown: the AWS CLI (here a stand-in printing what `configure export-credentials --format env` prints)
    // exports the profile's keys, and curl receives them.
    const start = lines.findIndex((line) => line.trimStart().startsWith('eval'));
    const end = lines.findIndex((line, index) => index > start && line.trimStart().startsWith('curl'));
    const last = lines.findIndex((line, index) => index > end && !line.endsWith('\\'));
    const aws = `aws() { [ "$*" = "configure export-credentials --profile dev --format env" ] && printf 'export AWS_ACCESS_KEY_ID=AKIDDEV\\nexport AWS_SECRET_ACCESS_KEY=devsecret\\n'; }`;
    expect(pastedArguments(`${aws}\n${lines.slice(start, last + 1).join('\n')}`)).toContain('AKIDDEV:devsecret');
  });

  it('points "delete it when done" to healthlake-wizard delete with the id', () => {
    const { lines } = render({ sandbox: false, smart: false });
    expect(lines.join('\n')).toMatch(/delete it when done/);
    expect(lines.map((line) => line.trim())).toContain(`healthlake-wizard delete ${ID}`);
    expect(lines.join('\n')).not.toContain('delete-fhir-datastore');
  });

  it('shows a SigV4 curl that fits 100 columns, with no blank line, and pastes as one command', () => {
    const { lines, curl } = render({ sandbox: false, smart: false });
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(100);
    expect(curl).not.toMatch(/\\\n\s*\n/);
    const args = pastedArguments(curl);
    expect(args[0]).toBe('--aws-sigv4');
    expect(args.at(-1)).toBe(`${ENDPOINT}metadata`);
  });

  it('shows a SMART data store a bearer-token call, not a SigV4 one', () => {
    const { lines, curl } = render({ sandbox: false, smart: true });
    expect(lines.join('\n')).not.toContain('--aws-sigv4');
    expect(pastedArguments(curl, { ACCESS_TOKEN: 'tok' })).toEqual(['-H', 'Authorization: Bearer tok', `${ENDPOINT}metadata`]);
  });

  it('does not send a sandbox id to AWS: the aws and curl commands take the id of a data store on AWS', () => {
    const { lines, curl } = render({ sandbox: true, smart: false });
    const text = lines.join('\n');
    // Only the delete command names the sandbox id: healthlake-wizard finds it in the sandbox through the history.
    expect(lines.filter((line) => line.includes(ID)).map((line) => line.trim())).toEqual([`healthlake-wizard delete ${ID}`]);
    expect(text).not.toContain('try this one on AWS');
    expect(text).toContain('with DATASTORE_ID set to its id');
    expect(pastedArguments(curl, { DATASTORE_ID: 'abc' }).at(-1)).toBe('https://healthlake.us-east-1.amazonaws.com/datastore/abc/r4/metadata');
  });
});
