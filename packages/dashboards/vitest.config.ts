import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'dashboards',
    include: ['test/**/*.test.ts'],
    // The site test fills a database with one simulator sync, builds the site and drives Chromium.
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
