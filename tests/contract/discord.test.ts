/**
 * The shared adapter contract over Discord's gateway: real discord.js against
 * the loopback fake (see `discord-harness.ts`).
 */
import { describeAdapterContract } from './contract.js';
import { discordHarness } from './discord-harness.js';

describeAdapterContract('discord', () => discordHarness());
