import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'release',
    include: ['test/**/*.test.ts'],
    // Project configs do not inherit the root's settings; integration tests on 2 shared cores need room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
