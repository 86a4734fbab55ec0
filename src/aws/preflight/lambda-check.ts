/**
 * The SMART token Lambda check: the function exists in the target account and Region (GetFunction), and its
 * resource-based policy (GetPolicy) lets healthlake.amazonaws.com invoke it, as the HealthLake documentation
 * ("Token validation using AWS Lambda") requires. Read-only.
 */
import { GetFunctionCommand, GetPolicyCommand } from '@aws-sdk/client-lambda';
import { errorName, errorText, isAccessDenied, type CheckContext } from './check-context.js';
import { actionCovers, conditionsHold, globMatches, listOf, statementsOf, type Statement, type Tri } from './policy-reading.js';
import { lambdaCheck } from './planned-checks.js';
import type { PlannedCheck, PreflightResult } from './types.js';

const SERVICE = 'healthlake.amazonaws.com';

/** The `aws lambda add-permission` command that lets HealthLake invoke the function. */
export function addPermissionCommand(functionArn: string, accountId: string, region: string): string {
  return `aws lambda add-permission --function-name ${functionArn} --statement-id healthlake-invoke --action lambda:InvokeFunction --principal ${SERVICE} --source-account ${accountId} --region ${region}`;
}

function principalIsHealthLake(statement: Statement): Tri {
  if (statement.NotPrincipal !== undefined) return 'unknown';
  const principal = statement.Principal;
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  return listOf((principal as { Service?: unknown }).Service).includes(SERVICE) || listOf((principal as { AWS?: unknown }).AWS).includes('*');
}

/** Whether the function policy lets HealthLake invoke `functionArn` for a new data store of this account and Region. */
export function healthLakeMayInvoke(statements: readonly Statement[], functionArn: string, accountId: string, region: string): { answer: Tri; unknown: string[] } {
  // The new data store's ARN is not known yet: any id stands for it.
  const context = {
    'aws:sourceaccount': [accountId],
    'aws:sourcearn': [`arn:aws:healthlake:${region}:${accountId}:datastore/fhir/00000000000000000000000000000000`],
  };
  const base = functionArn.split(':').slice(0, 7).join(':');
  const resources = [...new Set([functionArn, base])];
  let allowed: Tri = false;
  let denied: Tri = false;
  const unknown: string[] = [];
  for (const statement of statements) {
    const covers = actionCovers(statement, 'lambda:InvokeFunction');
    const who = principalIsHealthLake(statement);
    const where = statement.Resource === undefined || listOf(statement.Resource).some((pattern) => resources.some((resource) => globMatches(pattern, resource)));
    if (covers === false || who === false || !where) continue;
    const { holds, unknown: open } = conditionsHold(statement, context);
    unknown.push(...open);
    if (holds === false) continue;
    const certain = covers === true && who === true && holds === true;
    if (statement.Effect === 'Deny') denied = certain ? true : denied === true ? true : 'unknown';
    else if (statement.Effect === 'Allow') allowed = certain ? true : allowed === true ? true : 'unknown';
  }
  const answer: Tri = denied === true ? false : allowed === true && denied === false ? true : allowed === false && denied === false ? false : 'unknown';
  return { answer, unknown };
}

/** Runs the check. Never throws. */
export async function checkIdpLambda(functionArn: string, context: CheckContext): Promise<PreflightResult> {
  const planned = lambdaCheck(functionArn);
  const { region } = context;
  const result = (rest: Omit<PreflightResult, keyof PlannedCheck>): PreflightResult => ({ ...planned, ...rest });
  const send = context.signal ? { abortSignal: context.signal } : {};
  const parts = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:([a-zA-Z0-9_-]+)(?::[a-zA-Z0-9$_-]+)?$/.exec(functionArn);
  if (!parts) return result({ status: 'failed', summary: `${functionArn} is not a Lambda function ARN.`, fix: { text: 'Give the ARN as arn:aws:lambda:REGION:ACCOUNT:function:NAME.' } });
  const [, fnRegion, fnAccount] = parts;
  if (fnRegion !== region) {
    return result({ status: 'failed', summary: `The function is in ${fnRegion}; HealthLake invokes a function in the data store's Region, ${region}.`, fix: { text: `Choose a function in ${region} (aws lambda list-functions --region ${region}).` } });
  }
  const caller = await context.caller();
  if (caller.ok && fnAccount !== caller.accountId) {
    return result({ status: 'failed', summary: `The function belongs to account ${fnAccount}; the data store is created in account ${caller.accountId}.`, fix: { text: `Choose a function of account ${caller.accountId} in ${region}.` } });
  }
  try {
    await context.clients.lambda.send(new GetFunctionCommand({ FunctionName: functionArn }), send);
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') {
      return result({ status: 'failed', summary: `No function ${functionArn}: ${(error as Error).message}`, fix: { text: `Create it first, or choose one of aws lambda list-functions --region ${region}.` } });
    }
    const why = isAccessDenied(error) ? 'No permission to read the function (lambda:GetFunction)' : 'GetFunction failed';
    return result({ status: 'not-checked', summary: 'The function could not be read.', reason: `${why}: ${errorText(error)}` });
  }
  const add = { text: 'Let HealthLake invoke it:', command: addPermissionCommand(functionArn, fnAccount!, region) };
  let policyText: string | undefined;
  try {
    policyText = (await context.clients.lambda.send(new GetPolicyCommand({ FunctionName: functionArn }), send)).Policy;
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') {
      return result({ status: 'failed', summary: `The function exists but has no resource-based policy: ${SERVICE} may not invoke it.`, fix: add });
    }
    const why = isAccessDenied(error) ? 'No permission to read its resource-based policy (lambda:GetPolicy)' : 'GetPolicy failed';
    return result({ status: 'not-checked', summary: 'The function exists; its resource-based policy could not be read.', reason: `${why}: ${errorText(error)}` });
  }
  const statements = statementsOf(policyText ?? '');
  if (!statements) return result({ status: 'not-checked', summary: 'The function exists; its policy is not a document this check can read.', reason: 'GetPolicy answered no readable policy.' });
  const { answer, unknown } = healthLakeMayInvoke(statements, functionArn, fnAccount!, region);
  if (answer === true) return result({ status: 'passed', summary: `The function exists, and its resource-based policy lets ${SERVICE} invoke it.` });
  if (answer === false) return result({ status: 'failed', summary: `The function exists, but its resource-based policy does not let ${SERVICE} invoke it (lambda:InvokeFunction).`, fix: add });
  return result({
    status: 'not-checked',
    summary: 'The function exists; whether HealthLake may invoke it is unknown.',
    reason: unknown.length ? `Its policy has conditions this check cannot evaluate: ${[...new Set(unknown)].join('; ')}.` : 'Its policy uses NotAction or NotPrincipal, which this check does not evaluate.',
  });
}
