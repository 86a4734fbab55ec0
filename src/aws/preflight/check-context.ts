/**
 * What every pre-flight check is given: the target Region, the clients, the caller's identity (asked of STS
 * once), the HealthLake listing and the metadata fetch; and how an SDK error reads in a result.
 */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { ServiceClients } from '../service-clients.js';
import type { DatastorePage, HealthLakeGateway, ListDatastoresInput } from '../types.js';
import type { SmartConfigurationAnswer } from './smart-configuration-fetch.js';

/** The caller's identity, or why it is not known. */
export type CallerAnswer = { ok: true; arn: string; accountId: string } | { ok: false; reason: string };

/** What the checks need. */
export interface CheckContext {
  region: string;
  /** True when requests go to an endpoint override (the emulator, a proxy), not AWS's own. */
  endpointOverride: boolean;
  clients: Pick<ServiceClients, 'kms' | 'lambda' | 'sts'>;
  list(input: ListDatastoresInput): Promise<DatastorePage>;
  /** The caller (STS GetCallerIdentity), asked once. */
  caller(): Promise<CallerAnswer>;
  fetchSmartConfiguration(url: string): Promise<SmartConfigurationAnswer>;
  signal?: AbortSignal;
}

/** The parts a context is made of. */
export interface CheckContextParts {
  region: string;
  endpointOverride: boolean;
  clients: Pick<ServiceClients, 'kms' | 'lambda' | 'sts'>;
  gateway: Pick<HealthLakeGateway, 'list'>;
  fetchSmartConfiguration(url: string, signal?: AbortSignal): Promise<SmartConfigurationAnswer>;
}

/** Builds the context for one run; `caller()` asks STS at most once. */
export function checkContext(parts: CheckContextParts, signal?: AbortSignal): CheckContext {
  let caller: Promise<CallerAnswer> | undefined;
  const send = signal ? { abortSignal: signal } : {};
  return {
    region: parts.region,
    endpointOverride: parts.endpointOverride,
    clients: parts.clients,
    list: (input) => parts.gateway.list(input),
    caller: () =>
      (caller ??= parts.clients.sts.send(new GetCallerIdentityCommand({}), send).then(
        (answer): CallerAnswer => (answer.Arn && answer.Account ? { ok: true, arn: answer.Arn, accountId: answer.Account } : { ok: false, reason: 'STS GetCallerIdentity answered no identity.' }),
        (error: unknown): CallerAnswer => ({ ok: false, reason: `STS GetCallerIdentity failed: ${errorText(error)}` }),
      )),
    fetchSmartConfiguration: (url) => parts.fetchSmartConfiguration(url, signal),
    ...(signal ? { signal } : {}),
  };
}

/** The error's name as the SDK gives it (`AccessDeniedException`, `NotFoundException`, ...). */
export function errorName(error: unknown): string {
  return (error as { name?: string } | undefined)?.name ?? 'Error';
}

/** `Name: message`, for a reason line. */
export function errorText(error: unknown): string {
  const message = (error as { message?: string } | undefined)?.message ?? String(error);
  return `${errorName(error)}: ${message}`;
}

/** True for the errors that mean "you may not". */
export function isAccessDenied(error: unknown): boolean {
  return /AccessDenied|NotAuthorized|Unauthorized|Forbidden/.test(errorName(error));
}
