/**
 * `placard serve` with SIGNAL_CLI_URL and SIGNAL_ACCOUNT, as a child process
 * against the signal-cli daemon fake: ready once the event stream is up,
 * `/demands` in a group answered word for word, only the group's admins may
 * `/subscribe`, the daemon going away shows in `/readyz`, no phone number
 * or ACI in the log, and SIGTERM → exit 0.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSignal, type FakeSignal, type Person } from '../fakes/signal/index.js';
import { shippedCampaign } from '../helpers/core.js';
import { spawnPlacard, type PlacardProcess } from '../helpers/cli.js';
import { freePort, until } from '../helpers/wait.js';

const ANA: Person = { number: '+4917600000001', uuid: '0b7a9a62-43a1-4b0a-9a7e-6f0d5f1c2a01', name: 'Ana' };
const MIA: Person = { number: '+4917600000002', uuid: '0b7a9a62-43a1-4b0a-9a7e-6f0d5f1c2a02', name: 'Mia' };

let child: PlacardProcess['child'] | undefined;
let sig: FakeSignal | undefined;
afterEach(async () => { child?.kill('SIGKILL'); await sig?.close(); child = undefined; sig = undefined; });

const readyz = async (port: number): Promise<{ status: number; body: string }> => {
  const r = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
  return r ? { status: r.status, body: await r.text() } : { status: 0, body: '' };
};

describe('placard serve on Signal', () => {
  it('answers in a Signal group, lets only its admins subscribe, reports the daemon in /readyz, logs no number, and stops on SIGTERM', async () => {
    sig = await startFakeSignal();
    const fake = sig;
    const group = fake.addGroup({ name: 'Solidarity', members: [{ person: ANA, admin: true }, { person: MIA }] });
    const port = await freePort();
    const served = spawnPlacard({ STORE_URL: 'memory://', LOG_LEVEL: 'debug', HTTP_PORT: String(port), SIGNAL_CLI_URL: fake.url, SIGNAL_ACCOUNT: fake.account, TELEGRAM_BOT_TOKEN: '', DISCORD_TOKEN: '' });
    child = served.child;
    const { exited } = served;
    await until(async () => (await readyz(port)).status === 200, 30_000, 'ready');

    fake.say(MIA, '/demands', { group });
    const [answer] = await fake.waitForSent(1, { chatId: group, timeoutMs: 15_000 });
    const campaign = await shippedCampaign();
    for (const d of campaign.statementById.get(campaign.meta.demandsFirst)!.demands) expect(answer!.text).toContain(d.text);
    fake.say(MIA, '/subscribe', { group });
    expect((await fake.waitForSent(2, { chatId: group }))[1]!.text).toMatch(/admins/i);
    fake.say(ANA, '/subscribe', { group });
    expect((await fake.waitForSent(3, { chatId: group }))[2]!.text).toMatch(/Subscribed/);
    fake.say(MIA, '/start');
    await fake.waitForSent(1, { chatId: MIA.uuid! });

    await fake.setDown(true);
    await until(async () => (await readyz(port)).status === 503, 10_000, 'not ready');
    expect((await readyz(port)).body).toMatch(/signal-cli daemon/);
    await fake.setDown(false);
    await until(async () => (await readyz(port)).status === 200, 15_000, 'ready again');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const secret of [fake.account, ANA.number!, ANA.uuid!, MIA.number!, MIA.uuid!]) expect(served.output()).not.toContain(secret);
    expect(served.output()).toContain('signal event stream connected');
  }, 90_000);
});
