/**
 * Fetches `<issuer>/.well-known/smart-configuration` over HTTPS with the same proxy (`HTTPS_PROXY`, `NO_PROXY`),
 * CA bundle (`--ca-bundle`, `AWS_CA_BUNDLE`, the profile's `ca_bundle`), `--no-verify-ssl` and time-outs as the
 * AWS calls (config.ts). A GET of a public document: no credentials are sent, redirects are not followed.
 */
import { get, type Agent } from 'node:https';
import type { GlobalOptions } from '../../options.js';
import { requestHandlerSettings } from '../config.js';
import { redactUrlUserinfo } from '../../redact-url.js';
import { loadProfileSettings, type ProfileSettings } from '../profile-settings.js';
import { smartConfigurationUrl } from './planned-checks.js';

import type { SmartConfigurationAnswer } from './types.js';

export type { SmartConfigurationAnswer } from './types.js';

const MAX_BYTES = 1024 * 1024;

/** A fetcher honouring the options' proxy, TLS trust and time-outs. */
export function createSmartConfigurationFetcher(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env, profile?: Pick<ProfileSettings, 'name' | 'values'>) {
  return async (url: string, signal?: AbortSignal): Promise<SmartConfigurationAnswer> => {
    if (!URL.canParse(url) || new URL(url).protocol !== 'https:') return { ok: false, kind: 'network', message: `${redactUrlUserinfo(url)} is not an https:// URL.` };
    // The issuer is on the internet even in the sandbox, so the proxy applies (the sandbox skips it for its emulator).
    const settings = requestHandlerSettings({ ...options, sandbox: false }, env, profile, url);
    const agent = settings.httpsAgent as Agent;
    const shown = redactUrlUserinfo(url);
    return new Promise<SmartConfigurationAnswer>((resolve) => {
      const request = get(url, { agent, headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) }, (response) => {
        const status = response.statusCode ?? 0;
        if (status !== 200) {
          response.resume();
          const where = status >= 300 && status < 400 && response.headers.location ? ` (redirect to ${redactUrlUserinfo(response.headers.location)}, not followed)` : '';
          resolve({ ok: false, kind: 'http', message: `${shown} answered HTTP ${status}${where}.` });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BYTES) {
            response.destroy();
            resolve({ ok: false, kind: 'not-json', message: `${shown} answered more than ${MAX_BYTES} bytes.` });
          } else chunks.push(chunk);
        });
        response.on('end', () => {
          try {
            const document = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
            if (typeof document !== 'object' || document === null || Array.isArray(document)) throw new Error('not a JSON object');
            resolve({ ok: true, document: document as Record<string, unknown> });
          } catch (error) {
            resolve({ ok: false, kind: 'not-json', message: `${shown} is not a JSON object: ${(error as Error).message}` });
          }
        });
        response.on('error', (error) => resolve({ ok: false, kind: 'network', message: `${shown}: ${error.message}` }));
      });
      const timeout = settings.requestTimeout ?? 0;
      if (timeout > 0) {
        request.setTimeout(timeout, () => {
          request.destroy();
          resolve({ ok: false, kind: 'timeout', message: `${shown} did not answer within ${Math.round(timeout / 1000)} s.` });
        });
      }
      request.on('error', (error: NodeJS.ErrnoException) => {
        const tls = /CERT|SSL|TLS|self[- ]signed/i.test(`${error.code ?? ''} ${error.message}`);
        resolve({ ok: false, kind: tls ? 'tls' : 'network', message: `${shown}: ${error.message}` });
      });
    });
  };
}

/**
 * An issuer's smart-configuration with the settings of the options' profile (its ca_bundle too), for a caller
 * without a session (the plain mode's metadata builder). A failure is a value.
 */
export async function fetchIssuerConfiguration(options: GlobalOptions, issuer: string, env: NodeJS.ProcessEnv = process.env): Promise<SmartConfigurationAnswer> {
  return createSmartConfigurationFetcher(options, env, await loadProfileSettings(options, env))(smartConfigurationUrl(issuer));
}
