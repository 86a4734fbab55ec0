/**
 * The wizard's pickers' rows: the target's KMS keys (usable ones first, each with its state) and Lambda
 * functions, as picker items whose value is what the answer becomes. Pure; tested without rendering.
 */
import type { KmsKeyChoice, LambdaFunctionChoice } from '../../aws/types.js';
import type { PickerItem } from '../inputs/picker/use-picker-state.js';

/** What a resource prompt picks from (the spec's `pickedFrom`). */
export type ResourceKind = 'kms-key' | 'lambda-function';

/** How each kind is named in the picker's lines. */
export const RESOURCE_NAMES: Record<ResourceKind, { plural: string; typed: string }> = {
  'kms-key': { plural: 'KMS keys', typed: 'a key id, alias or ARN' },
  'lambda-function': { plural: 'Lambda functions', typed: 'a function ARN' },
};

/** A key's row: named by its first alias (the answer then reads as the person knows it), else by its ARN. */
export function kmsKeyItem(key: KmsKeyChoice): PickerItem<string> {
  const state = key.usable ? key.state : `${key.state}, unusable${key.unusableBecause && key.unusableBecause !== key.state ? `: ${key.unusableBecause}` : ''}`;
  const others = key.aliases.slice(1);
  return {
    value: key.aliases[0] ?? key.arn,
    label: key.aliases[0] ?? key.keyId,
    meaning: [state, others.length > 0 ? `also ${others.join(', ')}` : '', key.description].filter(Boolean).join(' · '),
    keywords: [key.keyId, key.arn, ...key.aliases].join(' '),
  };
}

/** A function's row: named by its name; the answer is its ARN (the parameter takes only an ARN). */
export function lambdaFunctionItem(fn: LambdaFunctionChoice): PickerItem<string> {
  return { value: fn.arn, label: fn.name, meaning: [fn.runtime, fn.description].filter(Boolean).join(' · '), keywords: fn.arn };
}

/**
 * The rows for a listing, in its order (the key listing puts usable keys first); a current answer that is not
 * listed comes first, as given, so that Enter keeps it.
 */
export function resourceItems(kind: ResourceKind, listed: readonly (KmsKeyChoice | LambdaFunctionChoice)[], current: string | undefined): PickerItem<string>[] {
  const items = kind === 'kms-key' ? (listed as KmsKeyChoice[]).map(kmsKeyItem) : (listed as LambdaFunctionChoice[]).map(lambdaFunctionItem);
  if (current === undefined || current === '' || items.some((item) => item.value === current || item.keywords?.split(' ').includes(current))) return items;
  return [{ value: current, label: current, meaning: 'as given (not among those listed)' }, ...items];
}
