/**
 * A test file's emulator on 127.0.0.1 (started once, with the file's options, e.g. its frozen clock) and a fresh
 * empty home for each test, plus the environment and flags that sign requests to it with the sandbox's keys.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { SANDBOX_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions } from '../../src/emulator/types.js';
import { emptyHome } from '../cli/built-binary.js';

/** Registers the hooks; the getters are valid inside tests. */
export function emulatorAndHome(options: EmulatorOptions) {
  let emulator: RunningEmulator | undefined;
  let home: ReturnType<typeof emptyHome> | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...options });
  });
  afterAll(async () => {
    await emulator?.stop();
  });
  beforeEach(() => {
    home = emptyHome();
  });
  afterEach(() => home?.remove());
  return {
    get emulator(): RunningEmulator {
      return emulator!;
    },
    /** Another emulator for a describe block (set it back after): the hooks stop the one set last. */
    set emulator(replacement: RunningEmulator) {
      emulator = replacement;
    },
    get home(): ReturnType<typeof emptyHome> {
      return home!;
    },
    /** The test's home, signed with the sandbox's keys for the emulator's Region. */
    signed: (): NodeJS.ProcessEnv => ({
      ...home!.env,
      AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
      AWS_REGION: emulator!.region,
    }),
    endpoint: () => ['--endpoint-url', emulator!.url],
  };
}
