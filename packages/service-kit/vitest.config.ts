import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'service-kit',
    include: ['test/**/*.test.ts'],
    // Some tests start server processes through tsx.
    testTimeout: 30_000,
  },
});
