import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sportmonks',
    include: ['test/**/*.test.ts'],
    // Walks against the simulator (with faults: retries and timeouts) take seconds, not ms.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
