/**
 * `receive` events → commands: groups by `groupInfo.groupId`, private chats
 * by the sender's ACI (else number), nothing from sync messages, the bot's
 * own messages, receipts or another account; a leading mention of the bot
 * dropped. Shapes as signal-cli's JsonMessageEnvelope writes them.
 */
import { describe, expect, it } from 'vitest';
import { commandOf, groupUpdateOf, incomingOf, isPersonId } from '../../adapters/signal/inbound.js';

const BOT = '+4915100000000';
const ANA = { number: '+4917600000001', uuid: '0b7a9a62-43a1-4b0a-9a7e-6f0d5f1c2a01' };
const GROUP = 'Pmpi+EfPWmsxiomLe9Nx2XF9HOE483p6iKiFj65iMwI=';

const event = (envelope: Record<string, unknown>, account = BOT): string => JSON.stringify({ envelope, account });
const source = { source: ANA.number, sourceNumber: ANA.number, sourceUuid: ANA.uuid, sourceName: 'Ana', sourceDevice: 1, timestamp: 1700000000000 };
const data = (extra: Record<string, unknown>): Record<string, unknown> => ({ timestamp: 1700000000000, message: '/demands smk', expiresInSeconds: 0, viewOnce: false, ...extra });

describe('signal inbound', () => {
  it('a message with groupInfo.groupId is the group\'s; without it the person\'s, by ACI', () => {
    expect(incomingOf(event({ ...source, dataMessage: data({ groupInfo: { groupId: GROUP, groupName: 'G', revision: 2, type: 'DELIVER' } }) }), BOT)).toEqual({
      chat: { platform: 'signal', chatId: GROUP, kind: 'group' }, sender: ANA, text: '/demands smk', timestamp: 1700000000000,
    });
    expect(incomingOf(event({ ...source, dataMessage: data({}) }), BOT)?.chat).toEqual({ platform: 'signal', chatId: ANA.uuid, kind: 'private' });
    // A sender known by number only (no ACI in the envelope).
    expect(incomingOf(event({ ...source, sourceUuid: null, dataMessage: data({}) }), BOT)?.chat.chatId).toBe(ANA.number);
  });

  it('skips sync messages, the bot\'s own, receipts, typing, reactions, other accounts and broken JSON', () => {
    expect(incomingOf(event({ ...source, syncMessage: { sentMessage: { message: '/demands' } } }), BOT)).toBeUndefined();
    expect(incomingOf(event({ ...source, sourceNumber: BOT, dataMessage: data({}) }), BOT)).toBeUndefined();
    expect(incomingOf(event({ ...source, sourceUuid: 'bot-uuid', sourceNumber: null, dataMessage: data({}) }), BOT, { uuid: 'bot-uuid' })).toBeUndefined();
    expect(incomingOf(event({ ...source, receiptMessage: { isDelivery: true, timestamps: [1] } }), BOT)).toBeUndefined();
    expect(incomingOf(event({ ...source, typingMessage: { action: 'STARTED' } }), BOT)).toBeUndefined();
    expect(incomingOf(event({ ...source, dataMessage: data({ message: null, reaction: { emoji: '👍' } }) }), BOT)).toBeUndefined();
    expect(incomingOf(event({ ...source, dataMessage: data({}) }, '+4900000001'), BOT)).toBeUndefined();
    expect(incomingOf('{"envelope":', BOT)).toBeUndefined();
    expect(incomingOf(JSON.stringify({ account: BOT, exception: { message: 'x', type: 'UntrustedIdentityException' } }), BOT)).toBeUndefined();
  });

  it('drops a leading mention of the bot (U+FFFC), and only of the bot', () => {
    const mention = (number: string): Record<string, unknown> => ({ name: 'Placard', number, uuid: null, start: 0, length: 1 });
    expect(incomingOf(event({ ...source, dataMessage: data({ message: '\uFFFC /demands', mentions: [mention(BOT)] }) }), BOT)?.text).toBe('/demands');
    expect(incomingOf(event({ ...source, dataMessage: data({ message: '\uFFFC /demands', mentions: [mention(ANA.number)] }) }), BOT)?.text).toBe('\uFFFC /demands');
  });

  it('takes commands that start with a slash, not those addressed to another bot, not plain text', () => {
    expect(commandOf('  /Demands  smk ')).toEqual({ command: 'demands', text: 'smk' });
    expect(commandOf('/demands@otherbot')).toBeUndefined();
    expect(commandOf('hello /demands')).toBeUndefined();
  });

  it('tells a person\'s id (ACI, number) from a group id, and finds group updates', () => {
    expect(isPersonId(ANA.uuid)).toBe(true);
    expect(isPersonId(ANA.number)).toBe(true);
    expect(isPersonId(GROUP)).toBe(false);
    expect(isPersonId('+aGVsbG8gd29ybGQgaGVsbG8gd29ybGQgaGVsbG8gd28=')).toBe(false);
    expect(groupUpdateOf(event({ ...source, dataMessage: data({ message: null, groupInfo: { groupId: GROUP, type: 'UPDATE' } }) }))).toBe(GROUP);
    expect(groupUpdateOf(event({ ...source, dataMessage: data({ groupInfo: { groupId: GROUP, type: 'DELIVER' } }) }))).toBeUndefined();
  });
});
