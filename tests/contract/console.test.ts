import { PassThrough } from 'node:stream';
import { ConsoleAdapter } from '../../adapters/console/shell.js';
import { testDispatcher } from '../helpers/core.js';
import { describeAdapterContract, type ContractHarness, type PressableAction, type Turn } from './contract.js';

const SEPARATOR = '\n\n---\n\n';
/** An action as the console prints it: `→ Label: /command args`. */
const ACTION_LINE = /^→ (.+?): (\/\S.*)$/;
/** The paging hint: `(page 1 of 3; next: /demands smk 2)`. */
const PAGING_LINE = /^\(page \d+ of \d+(?:; (.*))?\)$/;

async function consoleHarness(): Promise<ContractHarness> {
  const { dispatcher } = await testDispatcher();
  const input = new PassThrough();
  const output = new PassThrough({ encoding: 'utf8' });
  const shell = new ConsoleAdapter({ input, output, interactive: false, ansi: false, languages: dispatcher });
  await shell.start((inv) => dispatcher.dispatch(inv));
  const chunks: string[] = [];
  const waiters: ((s: string) => void)[] = [];
  output.on('data', (chunk: string) => { const w = waiters.shift(); if (w) w(chunk); else chunks.push(chunk); });
  const send = async (line: string): Promise<string[]> => {
    const answer = new Promise<string>((resolve) => { const c = chunks.shift(); if (c !== undefined) resolve(c); else waiters.push(resolve); });
    input.write(`${line}\n`);
    return (await answer).replace(/\n+$/, '').split(SEPARATOR);
  };
  // The console has no buttons: what it offers are commands to type, printed after the last message.
  const converse = async (line: string): Promise<Turn> => {
    const messages = await send(line);
    const last = messages.at(-1) ?? '';
    const lines = last.split('\n');
    const actions: PressableAction[] = [];
    while (lines.length > 0) {
      const tail = lines.at(-1)!;
      const action = ACTION_LINE.exec(tail);
      const paging = PAGING_LINE.exec(tail);
      if (action) actions.unshift({ label: action[1]!, press: () => converse(action[2]!) });
      else if (paging) {
        for (const move of (paging[1] ?? '').split(', ').filter(Boolean)) {
          const [label, cmd] = move.split(': ');
          if (label && cmd) actions.unshift({ label: label === 'next' ? 'Next' : 'Previous', press: () => converse(cmd) });
        }
      } else if (tail !== '') break;
      lines.pop();
    }
    return { messages: [...messages.slice(0, -1), lines.join('\n').trimEnd()], actions };
  };
  return {
    limit: Number.POSITIVE_INFINITY,
    measure: (m) => m.length,
    send,
    converse,
    async close() { input.end(); await shell.finished; },
  };
}

describeAdapterContract('console', consoleHarness);
