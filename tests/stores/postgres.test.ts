import { openStore } from '../../src/store/open.js';
import { storeContract } from './contract.js';

// Runs only against a real server: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
const url = process.env.DATABASE_URL;

storeContract(
  'postgres',
  url === undefined || url === ''
    ? undefined
    : {
        open: () => openStore(url),
        shared: true,
        url,
        cleanup: true,
        unreachable: { url: 'postgres://placard:n0t-a-real-Secret@127.0.0.1:1/placard', password: 'n0t-a-real-Secret' },
      },
);
