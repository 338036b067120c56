import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sportmonks-sim',
    include: ['test/**/*.test.ts'],
  },
});
