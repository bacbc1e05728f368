import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { storeContract } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'placard-store-'));
const url = `sqlite://${join(dir, 'nested', 'placard.sqlite')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every open() is a separate sqlite3 connection to the same file; the worker processes open it too.
storeContract('sqlite file', { open: () => openStore(url), shared: true, url, cleanup: false });
storeContract('sqlite :memory:', { open: () => openStore('sqlite://:memory:'), shared: false, cleanup: false });
