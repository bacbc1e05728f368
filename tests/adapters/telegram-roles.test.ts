/**
 * Roles on Telegram: a `chat_member` update drops the member's cached role at
 * once (a demoted admin loses admin commands with the next message), and the
 * role cache is a bounded LRU.
 */
import type { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { RoleResolver } from '../../adapters/telegram/roles.js';
import { commands } from '../../src/commands/index.js';
import type { Command } from '../../src/commands/types.js';
import { paragraph, reply } from '../../src/rich/build.js';
import { testServices } from '../helpers/core.js';
import { ADMIN, GROUP, startTelegramRig, type TelegramRig } from './telegram-harness.js';

let rig: TelegramRig | undefined;
afterEach(async () => { await rig?.close(); rig = undefined; });

const secret: Command = {
  name: 'secret', options: [], access: 'admin',
  run: () => reply({ blocks: [paragraph('admin ok')] }),
};

describe('Telegram roles', () => {
  it('a demoted admin is refused with the next message, not a minute later; user ids stay out of the log', async () => {
    rig = await startTelegramRig({ services: { ...(await testServices()), commands: [...commands, secret] } });
    expect((await rig.say('/secret', GROUP, ADMIN))[0]?.plainText).toBe('admin ok');
    expect((await rig.say('/secret', GROUP, ADMIN))[0]?.plainText).toBe('admin ok');
    expect(rig.tg.callsOf('getChatMember')).toHaveLength(1); // cached
    // Telegram sends chat_member only to bots that ask for it in allowed_updates (the fake drops it otherwise).
    rig.tg.chatMemberUpdate({ chat: GROUP, user: ADMIN, status: 'member', oldStatus: 'administrator' });
    expect((await rig.say('/secret', GROUP, ADMIN))[0]?.plainText).toBe('Only admins of this chat can use /secret.');
    expect(rig.tg.callsOf('getChatMember')).toHaveLength(2);
    expect(rig.tg.callsOf('getUpdates').at(-1)?.params['allowed_updates']).toContain('chat_member');
    expect(rig.logs.text).not.toContain(String(ADMIN.id));
  });

  it('keeps at most maxEntries roles, dropping the least recently used', async () => {
    const asked: number[] = [];
    const api = { getChatMember: async (_chat: number, user: number) => { asked.push(user); return { status: user === 1 ? 'administrator' : 'member' }; } };
    const roles = new RoleResolver(() => api as unknown as Api, { maxEntries: 3 });
    const group = { id: -1, type: 'supergroup' as const };
    for (const user of [1, 2, 3]) await roles.roleOf(group, user);
    expect(await roles.roleOf(group, 1)).toBe('admin'); // a hit: 1 becomes the most recently used
    await roles.roleOf(group, 4); // evicts 2, the least recently used
    expect(roles.size).toBe(3);
    asked.length = 0;
    for (const user of [1, 3, 4]) await roles.roleOf(group, user);
    expect(asked).toEqual([]);
    await roles.roleOf(group, 2);
    expect(asked).toEqual([2]);
    roles.forget(-1, 3);
    await roles.roleOf(group, 3);
    expect(asked).toEqual([2, 3]);
  });
});
