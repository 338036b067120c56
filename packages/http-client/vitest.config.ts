import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'http-client',
    include: ['test/**/*.test.ts'],
    // The timeout tests wait on undici's ~1 s timeout clock.
    testTimeout: 30_000,
  },
});
