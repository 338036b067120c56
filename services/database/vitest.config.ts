import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'database',
    include: ['test/**/*.test.ts'],
  },
});
