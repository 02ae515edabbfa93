import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/web/e2e/**/*.test.ts'],
    // Store contract suites share one PostgreSQL database; each suite uses its own schema.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
