import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'services/*'],
    // Integration tests start processes and MariaDB databases; 2 cores want few workers.
    maxWorkers: 2,
    // Timeouts live in each project's own config: projects do not inherit them from here.
  },
});
