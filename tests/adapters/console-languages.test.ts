/** The console, the operator's own chat: its own words follow the chat's /language. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../adapters/console/shell.js';
import { testDispatcher, voice } from '../helpers/core.js';

async function consoleSession(lines: readonly string[]): Promise<string[]> {
  const { dispatcher } = await testDispatcher();
  const input = new PassThrough();
  const output = new PassThrough({ encoding: 'utf8' });
  let out = '';
  output.on('data', (chunk: string) => { out += chunk; });
  const shell = new ConsoleAdapter({ input, output, interactive: false, ansi: false, languages: dispatcher });
  await shell.start((inv) => dispatcher.dispatch(inv));
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await shell.finished;
  return out.split('\n\n');
}

describe('console in the chat’s language', () => {
  it('writes its paging hint and its own notes in English, then in Russian after /language ru', async () => {
    const out = (await consoleSession(['/signatories', '?', '/language ru', '/signatories', '?'])).join('\n\n');
    expect(out).toContain('(page 1 of 4; next: /signatories 2)');
    expect(out).toContain('Commands look like /help.');
    expect(out).toContain(`(${voice('ru').t('console-page', { page: 1, pages: 4 })}; ${voice('ru').t('console-next', { command: '/signatories 2' })})`);
    expect(out).toContain('(страница 1 из 4; далее: /signatories 2)');
    expect(out).toContain('Команды выглядят так: /help.');
  });
});
