import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The pty end-to-end tests spawn the built binary; two cores, so keep parallelism modest.
    maxWorkers: 2,
  },
});
