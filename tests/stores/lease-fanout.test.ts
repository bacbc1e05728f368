/**
 * One send budget per bot on the real servers: several schedulers in one
 * process, each with its own connection, on one Redis (a redis-server of the
 * suite's own, on another port) and on one Postgres database created for the
 * run and dropped after it. The scenarios: tests/faults/lease-scenarios.ts.
 */
import { openStore } from '../../src/store/open.js';
import { leaseScenarios } from '../faults/lease-scenarios.js';
import { PostgresDatabase, postgresUnavailable } from '../faults/postgres-db.js';
import { RedisServer, redisUnavailable } from '../faults/redis-server.js';

leaseScenarios({
  name: 'Redis',
  unavailable: redisUnavailable,
  async prepare() {
    const server = await RedisServer.start();
    return { open: () => openStore(server.url), dispose: () => server.dispose() };
  },
});

leaseScenarios({
  name: 'Postgres',
  unavailable: postgresUnavailable,
  async prepare() {
    const db = await PostgresDatabase.create();
    return { open: () => openStore(db.url), dispose: () => db.drop() };
  },
});
