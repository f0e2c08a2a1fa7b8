import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests and CLI tests spawn processes; the shared 2-core box needs headroom.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
