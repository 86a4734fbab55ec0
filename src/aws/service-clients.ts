/**
 * The KMS, Lambda and STS clients the pre-flight checks and the pickers use, configured as the HealthLake client
 * is (config.ts): the chosen profile, Region, endpoint (`--endpoint-url`, `AWS_ENDPOINT_URL_KMS`, ...), proxy, CA
 * bundle, time-outs and retries; one credentials provider shared by all three. Imports the SDK: load lazily.
 */
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { STSClient } from '@aws-sdk/client-sts';
import type { GlobalOptions } from '../options.js';
import { checkedEndpoint, checkedRegion, createRequestHandler, credentialsProvider, resolveEndpointVariants, resolveRegion, resolveRetries, type StaticCredentials } from './config.js';
import { loadProfileSettings } from './profile-settings.js';

/** Clients for the services around HealthLake, in the target Region. */
export interface ServiceClients {
  region: string;
  kms: KMSClient;
  lambda: LambdaClient;
  sts: STSClient;
  /** Closes their connections. */
  destroy(): void;
}

/** Settings besides the options: explicit credentials (the sandbox's), the environment, retries (tests). */
export interface ServiceClientSettings {
  credentials?: StaticCredentials;
  env?: NodeJS.ProcessEnv;
  maxAttempts?: number;
}

/** Builds the clients; rejects with a FriendlyFailure for a bad Region, endpoint or CA bundle (as config.ts does). */
export async function createServiceClients(options: GlobalOptions, settings: ServiceClientSettings = {}): Promise<ServiceClients> {
  const env = settings.env ?? process.env;
  const profileSettings = await loadProfileSettings(options, env);
  const region = checkedRegion(await resolveRegion(options, env, profileSettings), options);
  const retries = resolveRetries(env, profileSettings);
  const variants = resolveEndpointVariants(env, profileSettings);
  const credentials = settings.credentials ?? credentialsProvider(options, env, profileSettings);
  const common = (service: string) => {
    const endpoint = checkedEndpoint(options, env, profileSettings, service);
    return {
      region,
      credentials,
      ...(endpoint ? { endpoint } : {}),
      // Only the endpoint resolved here (see config.ts): the SDK's own lookup would read another profile.
      ignoreConfiguredEndpointUrls: true,
      ...variants,
      maxAttempts: settings.maxAttempts ?? retries.maxAttempts,
      retryMode: retries.retryMode,
      requestHandler: createRequestHandler(options, env, profileSettings, endpoint ?? `https://${service}.${region}.amazonaws.com`),
    };
  };
  const kms = new KMSClient(common('kms'));
  const lambda = new LambdaClient(common('lambda'));
  const sts = new STSClient(common('sts'));
  return {
    region,
    kms,
    lambda,
    sts,
    destroy: () => {
      kms.destroy();
      lambda.destroy();
      sts.destroy();
    },
  };
}
