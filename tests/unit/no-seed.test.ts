/** The word "seed" never appears in anything the bot says: every command's every reply and page, every reminder. */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/console/render.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import { reply } from '../../src/rich/build.js';
import type { Reply } from '../../src/rich/model.js';
import { reminderMessage } from '../../src/present/reminder.js';
import { invocation, testDispatcher, voice } from '../helpers/core.js';

const plain = (r: Reply): string => renderReply(r, { ansi: false });

describe('the bot never speaks of seeds', () => {
  let dispatcher: Dispatcher;
  let services: Services;
  beforeAll(async () => { ({ dispatcher, services } = await testDispatcher()); });

  it('in no reply of any command, with every argument the content offers, every page, nor in any reminder', async () => {
    const c = services.campaign;
    const args = ['', 'text', ...c.statements.flatMap((s) => [s.id, `${s.id} text`]), ...c.events.map((e) => e.id),
      ...c.topics.map((t) => t.id), ...c.organizations.map((o) => o.abbreviation ?? o.name), 'topics'];
    const days = ['2026-11-22', '2026-12-16', '2027-01-02', '2027-01-04', '2027-01-06', '2027-01-21'].map((d) => new Date(`${d}T12:00:00Z`));
    let seen = 0;
    for (const command of services.commands) {
      for (const text of args) {
        for (const now of command.name === 'today' || command.name === 'next' || command.name === 'upcoming' ? days : [days[0]!]) {
          let r = await dispatcher.dispatch(invocation(command.name, text, { now }));
          for (let pages = 0; ; pages++) {
            const out = plain(r);
            seen++;
            expect(out, `/${command.name} ${text}`).not.toMatch(/seed/i);
            if (!r.paging || r.paging.page >= r.paging.pages || pages > 20) break;
            r = await dispatcher.dispatch(invocation(r.paging.command, `${r.paging.args} ${r.paging.page + 1}`, { now }));
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(500);
    for (const e of c.events) {
      const m = reminderMessage(voice('en'), c, e, 2027 - e.year);
      expect(plain(reply(m.message, undefined, m.actions)), e.id).not.toMatch(/seed/i);
    }
  });
});
