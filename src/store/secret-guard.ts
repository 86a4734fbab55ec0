/**
 * What must never reach the store's files: the ClientToken of a past run (a preset or last answers that kept it
 * would make the next run silently return the old data store) and anything that looks like a credential a person
 * pasted into the wrong field.
 */
import type { Answers } from '../request/answers.js';
import type { Tag } from '../request/types.js';

/** AWS access key ids: a four-letter kind prefix and 16 upper-case letters or digits. */
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|APKA|ABIA|ACCA)[A-Z0-9]{16}\b/;

/** The credentials in the environment, so that a pasted secret key or token is recognised exactly. */
const CREDENTIAL_ENV = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_ACCESS_KEY_ID'];

/** True when the text holds an access key id or one of the credentials set in the environment. */
export function looksLikeCredential(text: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (ACCESS_KEY_ID.test(text)) return true;
  return CREDENTIAL_ENV.some((name) => {
    const secret = env[name];
    return secret !== undefined && secret.length >= 8 && text.includes(secret);
  });
}

/** The answer paths (`Tags[1].Value` for tags) whose values look like credentials. */
export function credentialLikePaths(answers: Answers, env: NodeJS.ProcessEnv = process.env): string[] {
  const found: string[] = [];
  for (const [path, value] of Object.entries(answers)) {
    if (typeof value === 'string' && looksLikeCredential(value, env)) found.push(path);
    if (path === 'Tags' && Array.isArray(value)) {
      value.forEach((tag: Tag, index) => {
        if (looksLikeCredential(tag.Key, env)) found.push(`Tags[${index}].Key`);
        if (looksLikeCredential(tag.Value, env)) found.push(`Tags[${index}].Value`);
      });
    }
  }
  return found;
}

/** A copy of the answers without ClientToken (a fresh one is generated for every run). */
export function withoutClientToken(answers: Answers): Answers {
  const copy: Answers = { ...answers };
  delete copy.ClientToken;
  if (copy.Tags) copy.Tags = copy.Tags.map((tag) => ({ Key: tag.Key, Value: tag.Value }));
  return copy;
}

/** A copy fit to keep as last answers: no ClientToken, and credential-like values left out. */
export function answersSafeToKeep(answers: Answers, env: NodeJS.ProcessEnv = process.env): Answers {
  const copy = withoutClientToken(answers);
  for (const path of credentialLikePaths(copy, env)) {
    if (path.startsWith('Tags[')) copy.Tags = copy.Tags?.filter((tag) => !looksLikeCredential(tag.Key, env) && !looksLikeCredential(tag.Value, env));
    else delete copy[path];
  }
  return copy;
}
