import { startTelegramRig, GROUP } from '../adapters/telegram-harness.js';
import { describeAdapterContract } from './contract.js';

describeAdapterContract('telegram', async () => {
  const rig = await startTelegramRig();
  return {
    limit: 4096,
    // Telegram counts the text after entity parsing.
    measure: (m) => m.length,
    async send(line, options) {
      return (await rig.say(line, options?.group ? GROUP : undefined)).map((m) => m.plainText);
    },
    close: () => rig.close(),
  };
});
