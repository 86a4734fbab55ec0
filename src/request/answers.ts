/**
 * Answers: what the wizard, presets and last answers hold — a plain object keyed by spec path
 * (`SseConfiguration.KmsEncryptionConfig.KmsKeyId`), with `Tags` holding the tag list. Converting to and from
 * the request body is the only place that knows how paths nest.
 */
import { LEAVES } from '../parameter-model/index.js';
import type { CreateRequest, Tag } from './types.js';

/** A scalar answer (string, enum value or boolean). */
export type AnswerValue = string | boolean;

/** Answers keyed by leaf path; `Tags` is the list of tags. Missing keys mean "not set". */
export interface Answers {
  [path: string]: AnswerValue | Tag[] | undefined;
  Tags?: Tag[];
}

/** Leaf paths outside the tag list, in spec order. */
export const SCALAR_PATHS: readonly string[] = LEAVES.filter((leaf) => !leaf.path.includes('[]')).map((leaf) => leaf.path);

/** Builds the request body from answers; empty structures are left out. */
export function buildCreateRequest(answers: Answers): CreateRequest {
  const request: Record<string, unknown> = {};
  for (const path of SCALAR_PATHS) {
    const value = answers[path];
    if (value === undefined || Array.isArray(value)) continue;
    const keys = path.split('.');
    let target = request;
    for (const key of keys.slice(0, -1)) {
      target = (target[key] ??= {}) as Record<string, unknown>;
    }
    target[keys.at(-1)!] = value;
  }
  if (answers.Tags !== undefined) request.Tags = answers.Tags.map((tag) => ({ Key: tag.Key, Value: tag.Value }));
  // Built from the spec's paths only; whether it is complete is validate.ts's to say.
  return request as unknown as CreateRequest;
}

/** Flattens a request body (or any partial of one) into answers. Unknown keys are dropped. */
export function answersFromRequest(request: Partial<CreateRequest> | Record<string, unknown>): Answers {
  const answers: Answers = {};
  for (const path of SCALAR_PATHS) {
    let value: unknown = request;
    for (const key of path.split('.')) {
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    }
    if (typeof value === 'string' || typeof value === 'boolean') answers[path] = value;
  }
  const tags = (request as Record<string, unknown>).Tags;
  if (Array.isArray(tags)) {
    answers.Tags = tags
      .filter((tag): tag is Tag => tag !== null && typeof tag === 'object')
      .map((tag) => ({ Key: String(tag.Key ?? ''), Value: String(tag.Value ?? '') }));
  }
  return answers;
}
