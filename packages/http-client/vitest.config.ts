import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'http-client',
    include: ['test/**/*.test.ts'],
  },
});
