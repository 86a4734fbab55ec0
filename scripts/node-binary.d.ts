/** Types of scripts/node-binary.js for the TypeScript that imports it (the benchmark). */

/** The cache: HEALTHLAKE_WIZARD_NODE_CACHE, or `healthlake-wizard-dev/node` in the user's cache folder. */
export function nodeCacheDir(env?: NodeJS.ProcessEnv): string;

/** The path of a Node binary of `major` (a number such as 22), fetched first unless cached. */
export function nodeBinary(major: string | number, options?: { update?: boolean }): string;
