import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const errorOf = (env: Record<string, string>): ConfigError => {
  try { loadConfig(env); } catch (e) { if (e instanceof ConfigError) return e; throw e; }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ contentDir: './content', storeUrl: 'sqlite://./data/placard.sqlite', httpPort: 8080, catchUpHours: 6, logLevel: 'info' });
    expect(c.telegram).toBeUndefined();
    expect(c.discord).toBeUndefined();
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '', HTTP_PORT: ' ' }).httpPort).toBe(8080);
  });

  it('reports one line per bad variable, naming it and never echoing its value', () => {
    const secret = 'not-a-token-SECRET-VALUE';
    const e = errorOf({ HTTP_PORT: 'eighty', LOG_LEVEL: 'loud', TELEGRAM_BOT_TOKEN: secret, STORE_URL: 'mysql://x', CATCH_UP_HOURS: '-1' });
    const lines = e.message.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual(['CATCH_UP_HOURS', 'HTTP_PORT', 'LOG_LEVEL', 'STORE_URL', 'TELEGRAM_BOT_TOKEN']);
    expect(e.message).not.toContain(secret);
  });

  it('requires the webhook secret with the webhook URL, and the Discord pair together', () => {
    const e = errorOf({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg', DISCORD_TOKEN: 'x'.repeat(30) });
    expect(e.issues.map((i) => i.variable).sort()).toEqual(['DISCORD_APPLICATION_ID', 'TELEGRAM_WEBHOOK_SECRET']);
  });

  it('builds platform sections when configured', () => {
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_API_ROOT: 'http://127.0.0.1:9000/', DISCORD_TOKEN: 'x'.repeat(30), DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(c.telegram).toEqual({ token: '123:abc', apiRoot: 'http://127.0.0.1:9000' });
    expect(c.discord).toMatchObject({ applicationId: '123456789012345678' });
  });
});
