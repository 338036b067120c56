import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'docs-checks',
    include: ['test/**/*.test.ts'],
    // One stack and one simulator sync serve every block of both guides.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
