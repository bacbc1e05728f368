/**
 * `placard serve` with MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN, as a
 * child process against the fake homeserver: `/demands` in a room answered
 * word for word, only the room's admins may `/subscribe`, `/readyz` follows
 * the adapter (a revoked token makes it 503 with the reason, a restored one
 * 200 again), SIGTERM exits 0, and the token never reaches the log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMatrix, type FakeMatrix } from '../fakes/matrix/index.js';
import { MIA, OLA } from '../fakes/matrix/rig.js';
import { shippedCampaign } from '../helpers/core.js';
import { spawnPlacard, type PlacardProcess } from '../helpers/cli.js';
import { freePort, until } from '../helpers/wait.js';


let child: PlacardProcess['child'] | undefined;
let hs: FakeMatrix | undefined;
afterEach(async () => { child?.kill('SIGKILL'); await hs?.close(); child = undefined; hs = undefined; });

const readyz = async (port: number): Promise<{ status: number; body: string }> => {
  const r = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
  return r ? { status: r.status, body: await r.text() } : { status: 0, body: '' };
};

describe('placard serve on Matrix', () => {
  it('answers in a room, lets only admins subscribe, reports readiness from the homeserver, stops on SIGTERM', async () => {
    hs = await startFakeMatrix();
    const room = hs.roomWithBot({ creator: OLA, members: [MIA], name: 'Solidarity' });
    const port = await freePort();
    const served = spawnPlacard({ STORE_URL: 'memory://', LOG_LEVEL: 'debug', HTTP_PORT: String(port), MATRIX_HOMESERVER_URL: hs.url, MATRIX_ACCESS_TOKEN: hs.token });
    child = served.child;
    const { exited } = served;
    await until(async () => (await readyz(port)).status === 200, 30_000, 'ready');

    const campaign = await shippedCampaign();
    const first = campaign.statementById.get(campaign.meta.demandsFirst)!;
    hs.say(room, MIA, '!demands');
    const [answer] = await hs.waitFor(() => { const s = hs!.sentTo(room); return s.length > 0 ? s : undefined; }, 15_000, 'answer');
    expect(answer!.text.replace(/\s+/g, ' ')).toContain(first.demands[0]!.text.replace(/\s+/g, ' '));
    hs.say(room, MIA, '/subscribe');
    await hs.waitFor(() => hs!.sentTo(room)[1], 15_000, 'refusal');
    expect(hs.sentTo(room)[1]!.text).toBe('Only admins of this chat can use /subscribe.');
    hs.say(room, OLA, '/subscribe');
    await hs.waitFor(() => hs!.sentTo(room)[2], 15_000, 'subscribed');
    expect(hs.sentTo(room)[2]!.text).toMatch(/Subscribed|reminders/i);

    hs.revokeToken();
    await until(async () => (await readyz(port)).status === 503, 30_000, 'not ready');
    const failures = JSON.parse((await readyz(port)).body).failures as Record<string, string>;
    expect(failures['matrix']).toMatch(/rejected the access token/);
    hs.revokeToken(false);
    await until(async () => (await readyz(port)).status === 200, 30_000, 'ready again');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(served.output()).toContain('"adapter":"matrix"');
    expect(served.output()).not.toContain(hs.token);
    expect(served.output()).not.toContain(MIA);
  }, 90_000);
});
