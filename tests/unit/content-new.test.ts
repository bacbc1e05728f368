/** `placard new DIR`: a valid campaign that passes the check and answers every command, and never overwrites. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import { loadCampaign } from '../../src/content/load.js';
import { writeNewCampaign } from '../../src/content/template/write.js';
import { PlacardError } from '../../src/errors.js';
import { openStore } from '../../src/store/open.js';
import { invocation } from '../helpers/core.js';

const dirs: string[] = [];
afterAll(async () => { await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))); });
const fresh = async (): Promise<string> => { const d = await mkdtemp(join(tmpdir(), 'placard-new-')); dirs.push(d); return d; };

describe('placard new', () => {
  it('writes a campaign that passes the check and answers every command with one message', async () => {
    const dir = join(await fresh(), 'campaign');
    const files = await writeNewCampaign(dir);
    expect(files).toEqual(expect.arrayContaining(['campaign.yaml', 'organizations.yaml', 'events.yaml', 'statements/example-statement.md', 'schema/events.json']));
    const campaign = await loadCampaign(dir);
    const dispatcher = new Dispatcher({ campaign, store: await openStore('memory://'), commands });
    for (const command of commands) {
      const reply = await dispatcher.dispatch(invocation(command.name, '', { role: 'admin', now: new Date('2025-02-20T12:00:00Z') }));
      expect(reply.messages, `/${command.name}`).toHaveLength(1);
    }
  });

  it('refuses a folder that has files, and writes nothing', async () => {
    const dir = await fresh();
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await expect(writeNewCampaign(dir)).rejects.toBeInstanceOf(PlacardError);
    await expect(writeNewCampaign(dir)).rejects.toThrow(/is not empty/);
  });

  it('writes into an empty folder', async () => {
    await expect(writeNewCampaign(await fresh())).resolves.toContain('campaign.yaml');
  });
});
