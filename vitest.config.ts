import { defineConfig } from 'vitest/config';

// Lab and browser tests start real processes; give them room but keep unit tests strict.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Lab tests share kernel state (netns, IPC); files that need isolation use describe.sequential.
    fileParallelism: true,
  },
});
