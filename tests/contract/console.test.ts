import { PassThrough } from 'node:stream';
import { ConsoleAdapter } from '../../adapters/console/shell.js';
import { testDispatcher } from '../helpers/core.js';
import { describeAdapterContract, type ContractHarness } from './contract.js';

const SEPARATOR = '\n\n---\n\n';

async function consoleHarness(): Promise<ContractHarness> {
  const { dispatcher } = await testDispatcher();
  const input = new PassThrough();
  const output = new PassThrough({ encoding: 'utf8' });
  const shell = new ConsoleAdapter({ input, output, interactive: false, ansi: false });
  await shell.start((inv) => dispatcher.dispatch(inv));
  const chunks: string[] = [];
  const waiters: ((s: string) => void)[] = [];
  output.on('data', (chunk: string) => { const w = waiters.shift(); if (w) w(chunk); else chunks.push(chunk); });
  return {
    limit: Number.POSITIVE_INFINITY,
    measure: (m) => m.length,
    async send(line) {
      const answer = new Promise<string>((resolve) => { const c = chunks.shift(); if (c !== undefined) resolve(c); else waiters.push(resolve); });
      input.write(`${line}\n`);
      return (await answer).replace(/\n+$/, '').split(SEPARATOR);
    },
    async close() { input.end(); await shell.finished; },
  };
}

describeAdapterContract('console', consoleHarness);
