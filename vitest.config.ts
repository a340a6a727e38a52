import { defineConfig } from 'vitest/config';

// Unit tests (core, web) and integration tests (server) on PGlite; with TEST_DATABASE_URL the server's
// integration tests run a second time against that PostgreSQL server (project "server-pg").
const serverProject = (name: string, db: 'pglite' | 'pg') => ({
  test: {
    name,
    root: 'packages/server',
    include: ['src/**/*.test.ts'],
    // The embedded database's process guards concern PGlite only.
    exclude: db === 'pg' ? ['src/main.test.ts', 'src/backup/cli.test.ts'] : [],
    env: { DAIHOI_TEST_DB: db },
    // Backups, restores and restarts of a seeded demo database take tens of seconds on a loaded two-core
    // machine; a hung test still fails.
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', root: 'packages/core', include: ['src/**/*.test.ts'] } },
      serverProject('server', 'pglite'),
      ...(process.env.TEST_DATABASE_URL ? [serverProject('server-pg', 'pg')] : []),
      { test: { name: 'web', root: 'packages/web', include: ['src/**/*.test.{ts,tsx}'] } },
    ],
  },
});
