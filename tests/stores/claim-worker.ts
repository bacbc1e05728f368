/**
 * Child process for the cross-process claim test: opens the store at argv[2],
 * prints `ready`, waits for a line on stdin, then fires argv[4] concurrent
 * claims of key argv[3] and prints `{"wins": n}`.
 */
import { createInterface } from 'node:readline';
import { openStore } from '../../src/store/open.js';

const [url, key, countText] = process.argv.slice(2);
if (url === undefined || key === undefined || countText === undefined) {
  process.stderr.write('usage: claim-worker <url> <key> <count>\n');
  process.exit(2);
}

const store = await openStore(url);
await store.ping();
const lines = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => lines.once('line', () => resolve()));
process.stdout.write('ready\n');
await go;
lines.close();
const results = await Promise.all(Array.from({ length: Number(countText) }, () => store.claim(key, 60_000)));
await store.close();
process.stdout.write(`${JSON.stringify({ wins: results.filter(Boolean).length })}\n`);
