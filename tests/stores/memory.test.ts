import { openStore } from '../../src/store/open.js';
import { storeContract } from './contract.js';

storeContract('memory', { open: () => openStore('memory://'), shared: false, cleanup: false });
