/** Commands during a store outage: each gets a short answer; the log gets one line per burst, not one per command. */
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/commands/dispatch.js';
import { invocation, testServices } from '../helpers/core.js';
import { memoryLogger } from '../schedule/harness.js';

describe('dispatcher during a store outage', () => {
  it('answers every command with a short apology and logs the burst once', async () => {
    const services = await testServices();
    await services.store.close(); // every store operation now fails with a StoreError
    const logged = memoryLogger();
    const dispatcher = new Dispatcher(services, logged.log);
    for (let i = 0; i < 50; i++) {
      const r = await dispatcher.dispatch(invocation('settings', '', { chat: { chatId: `c${i}` } }));
      expect(r.ephemeral).toBe(true);
    }
    const lines = logged.lines.filter((l) => l.msg === 'command failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ command: 'settings', platform: 'console' });
    expect(JSON.stringify(logged.lines)).not.toContain('c49');
  });
});
