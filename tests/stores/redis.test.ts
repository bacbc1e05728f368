import { openStore } from '../../src/store/open.js';
import { storeContract } from './contract.js';

// Runs only against a real server: REDIS_URL=redis://127.0.0.1:6379
const url = process.env.REDIS_URL;

storeContract(
  'redis',
  url === undefined || url === ''
    ? undefined
    : {
        open: () => openStore(url),
        shared: true,
        url,
        cleanup: true,
        unreachable: { url: 'redis://placard:n0t-a-real-Secret@127.0.0.1:1', password: 'n0t-a-real-Secret' },
      },
);
