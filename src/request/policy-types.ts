/**
 * A team policy (`.healthlake-wizard/policy.yaml` or `policy.json`): rules over the request, each a JSON Schema
 * validated with Ajv, and the few rules over the target a schema of the request cannot state (Regions, accounts,
 * the expiry tag at creation). Every rule says what it requires in words and the team's reason. Types, and the
 * expiry tag's key.
 */
import type { FieldIssue } from './issues.js';

/** The tag `--expires-in` writes: an ISO 8601 UTC time such as `2026-12-02T19:30:00Z`. */
export const EXPIRY_TAG_KEY = 'healthlake-wizard:expires-at';

/** When a rule applies; every condition given must hold. Absent: always. */
export interface PolicyCondition {
  /** Only for a run that starts from one of these presets (`*` matches any characters: `test-*`). */
  presets?: string[];
  /** Only in these Regions. */
  regions?: string[];
  /** Only in these accounts (12 digits). */
  accounts?: string[];
}

/** A request schema compiled by Ajv: true when the request satisfies it; `errors` then says where it does not. */
export interface CompiledSchema {
  (request: unknown): boolean;
  errors?: Array<{ keyword: string; instancePath: string; params: Record<string, unknown> }> | null;
  /** The schema as written in the policy (Ajv keeps it), from which a fix is derived. */
  schema?: unknown;
}

/** One rule of the policy. */
export interface PolicyRule {
  /** A short id, as messages name it: `owner-tag`. */
  id: string;
  /** What it requires, in words: "every data store needs an owner tag". */
  rule: string;
  /** Why the team has it. */
  reason: string;
  /** What to do when it is broken; else one is derived from the schema's first complaint. */
  fix?: string;
  /** The request member the wizard shows it on (`Tags`); else the one the schema complains about. */
  field?: string;
  when?: PolicyCondition;
  /** The JSON Schema (2020-12) the request must satisfy, compiled. */
  request?: CompiledSchema;
  /** The Regions allowed. */
  regions?: string[];
  /** The accounts allowed. */
  accounts?: string[];
  /** At creation the request must carry the expiry tag (as `--expires-in` adds it), a time still to come. */
  expiryTag?: 'required';
  /** The line of the file where the rule starts. */
  line: number;
}

/** A policy read and compiled. */
export interface TeamPolicy {
  /** The file, as messages show it. */
  file: string;
  rules: PolicyRule[];
}

/** What a check knows besides the request; unknown values leave the rules that need them for later. */
export interface PolicyContext {
  region?: string;
  account?: string;
  /** The preset the run started from. */
  preset?: string;
  /** `creation`: the request about to be sent (the expiry tag is checked); `document`: a preset or input file. */
  stage: 'creation' | 'document';
  /** The clock, for the expiry tag's time. */
  now?: Date;
}

/** The team policy of the project folder, bound to one run (its preset, the clock). */
export interface PolicyCheck {
  policy: TeamPolicy;
  /** The rules the request breaks at creation, with the Region (and account) when known. */
  issues(request: object, region?: string, account?: string): FieldIssue[];
}
