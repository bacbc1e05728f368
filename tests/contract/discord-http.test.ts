/**
 * The shared adapter contract over Discord's HTTP interactions: every
 * interaction is a signed POST from the fake to the adapter's
 * `/discord/interactions` route on the project's HTTP server, answered in
 * the HTTP response (or deferred and followed up over REST); no gateway.
 */
import { describeAdapterContract } from './contract.js';
import { discordHarness } from './discord-harness.js';

describeAdapterContract('discord over HTTP interactions', () => discordHarness({ http: true }));
