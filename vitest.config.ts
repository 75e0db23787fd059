import { defineConfig } from 'vitest/config';

const shared = {
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

// Every test runs on the embedded database; tests named *.db.test.ts run again on PostgreSQL
// when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          env: { ONEROOF_TEST_DB: 'pglite' },
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                ...shared,
                name: 'postgres',
                include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
                env: { ONEROOF_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
