/**
 * The key picker's list: the target Region's KMS keys with their aliases, state and kind (ListKeys, ListAliases,
 * DescribeKey), usable ones first. Read-only; never throws: a failure is a value, AccessDenied marked so that
 * the picker falls back to free text. Imports the SDK: load lazily.
 */
import { DescribeKeyCommand, ListAliasesCommand, ListKeysCommand, type AliasListEntry, type KeyMetadata, type KeyListEntry } from '@aws-sdk/client-kms';
import { toFriendlyError } from './errors.js';
import type { ServiceClients } from './service-clients.js';
import type { FriendlyError, KmsKeyChoice, ResourceListing } from './types.js';

/** At most this many keys are described (one DescribeKey each); the rest is reported as truncated. */
export const MAX_LISTED_KEYS = 200;
const PARALLEL_DESCRIBES = 8;

/** Why a key's kind or state keeps HealthLake from using it; undefined when it can (policy aside). */
export function keyUnusableBecause(metadata: Pick<KeyMetadata, 'KeyState' | 'KeySpec' | 'KeyUsage' | 'KeyManager'>): string | undefined {
  if (metadata.KeyManager === 'AWS') return 'AWS managed';
  if (metadata.KeySpec !== undefined && metadata.KeySpec !== 'SYMMETRIC_DEFAULT') return `asymmetric or HMAC (${metadata.KeySpec})`;
  if (metadata.KeyUsage !== undefined && metadata.KeyUsage !== 'ENCRYPT_DECRYPT') return `not for encryption (${metadata.KeyUsage})`;
  if (metadata.KeyState !== 'Enabled') return metadata.KeyState ?? 'state unknown';
  return undefined;
}

/** A listing failure as a value: AccessDenied says which permission lets the picker list. */
export function listingProblem(error: unknown, action: string, region: string): { ok: false; problem: FriendlyError; accessDenied: boolean } {
  const friendly = toFriendlyError(error, { region });
  if (friendly.code !== 'AccessDenied') return { ok: false, problem: friendly, accessDenied: false };
  const message = (error as Error).message;
  return {
    ok: false,
    accessDenied: true,
    problem: { ...friendly, message: `Listing is not allowed: ${message}`, fix: `Type the ARN instead, or allow ${action} for your identity in ${region}.` },
  };
}

async function allPages<T>(fetch: (marker?: string) => Promise<{ items: T[]; next?: string }>, max: number): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let marker: string | undefined;
  do {
    const page = await fetch(marker);
    items.push(...page.items);
    marker = page.next;
  } while (marker !== undefined && items.length < max);
  return { items: items.slice(0, max), truncated: marker !== undefined || items.length > max };
}

/** The key picker's choices, usable keys first, then by first alias (keys without an alias last). */
export async function listKmsKeys(clients: Pick<ServiceClients, 'kms' | 'region'>, options: { signal?: AbortSignal } = {}): Promise<ResourceListing<KmsKeyChoice>> {
  const send = { ...(options.signal ? { abortSignal: options.signal } : {}) };
  const { kms, region } = clients;
  let keys: { items: KeyListEntry[]; truncated: boolean };
  let aliases: AliasListEntry[];
  try {
    keys = await allPages(async (Marker) => {
      const page = await kms.send(new ListKeysCommand({ Limit: 1000, ...(Marker ? { Marker } : {}) }), send);
      return { items: page.Keys ?? [], ...(page.Truncated && page.NextMarker ? { next: page.NextMarker } : {}) };
    }, MAX_LISTED_KEYS);
  } catch (error) {
    return listingProblem(error, 'kms:ListKeys', region);
  }
  try {
    aliases = (
      await allPages(async (Marker) => {
        const page = await kms.send(new ListAliasesCommand({ Limit: 100, ...(Marker ? { Marker } : {}) }), send);
        return { items: page.Aliases ?? [], ...(page.Truncated && page.NextMarker ? { next: page.NextMarker } : {}) };
      }, 10_000)
    ).items;
  } catch (error) {
    return listingProblem(error, 'kms:ListAliases', region);
  }
  const choices: KmsKeyChoice[] = [];
  const queue = [...keys.items];
  const describeNext = async (): Promise<void> => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      const keyId = key.KeyId ?? '';
      let metadata: KeyMetadata | undefined;
      try {
        metadata = (await kms.send(new DescribeKeyCommand({ KeyId: key.KeyArn ?? keyId }), send)).KeyMetadata;
      } catch {
        // A key the caller may list but not describe is still a choice; its state is unknown.
      }
      const because = metadata ? keyUnusableBecause(metadata) : 'not describable (kms:DescribeKey denied)';
      choices.push({
        keyId,
        arn: metadata?.Arn ?? key.KeyArn ?? keyId,
        aliases: aliases.filter((alias) => alias.TargetKeyId === keyId && alias.AliasName).map((alias) => alias.AliasName!).sort(),
        description: metadata?.Description ?? '',
        state: metadata?.KeyState ?? 'unknown',
        keySpec: metadata?.KeySpec ?? 'unknown',
        keyUsage: metadata?.KeyUsage ?? 'unknown',
        keyManager: metadata?.KeyManager ?? 'unknown',
        usable: because === undefined,
        ...(because !== undefined ? { unusableBecause: because } : {}),
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL_DESCRIBES }, describeNext));
  } catch (error) {
    return listingProblem(error, 'kms:DescribeKey', region);
  }
  // AWS managed keys (alias/aws/...) are never HealthLake's choice: left out of the picker.
  const shown = choices.filter((choice) => choice.keyManager !== 'AWS');
  const name = (choice: KmsKeyChoice) => choice.aliases[0] ?? `~${choice.keyId}`;
  shown.sort((a, b) => Number(b.usable) - Number(a.usable) || name(a).localeCompare(name(b)));
  return { ok: true, items: shown, truncated: keys.truncated };
}
