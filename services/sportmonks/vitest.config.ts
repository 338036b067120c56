import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sportmonks',
    include: ['test/**/*.test.ts'],
  },
});
