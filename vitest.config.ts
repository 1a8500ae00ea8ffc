import { defineConfig } from 'vitest/config';

// Lab and browser tests start real processes; give them room but keep unit tests strict.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A private TMPDIR per run; teardown fails the run when a test leaves a temp folder behind.
    globalSetup: ['test/helpers/global-tmp.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Lab tests share kernel state (netns, IPC); files that need isolation use describe.sequential.
    fileParallelism: true,
  },
});
