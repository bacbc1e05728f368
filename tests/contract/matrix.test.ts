/**
 * The shared adapter contract over Matrix: the real adapter against the
 * loopback homeserver. A line is a person's message in a room; what comes
 * back is what a Matrix client shows of the bot's notices (their HTML as
 * text); the commands a notice offers to type under it are the actions, and
 * pressing one sends that command, as on the console.
 */
import { MATRIX_CONTENT_LIMIT } from '../../adapters/matrix/render.js';
import { ANA, MIA, OLA, startMatrixRig } from '../fakes/matrix/rig.js';
import { describeAdapterContract } from './contract.js';

describeAdapterContract('matrix', async () => {
  const rig = await startMatrixRig();
  const where = (options?: { group?: boolean; admin?: boolean }): [string, string] =>
    (options?.group ? [rig.groupRoom, options.admin ? OLA : MIA] : [rig.privateRoom, ANA]);
  return {
    // The content of one event, in bytes (the whole event may take 65,536).
    limit: MATRIX_CONTENT_LIMIT,
    measure: (m) => Buffer.byteLength(m, 'utf8'),
    async send(line, options) {
      return (await rig.say(line, ...where(options))).map((n) => n.text);
    },
    converse: (line, options) => rig.converse(line, ...where(options)),
    close: () => rig.close(),
  };
});
