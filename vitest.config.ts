import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Child-process and loopback-server tests share two cores; keep parallelism modest.
    maxWorkers: 2,
  },
});
