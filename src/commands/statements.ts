/** /statements [page] — the statements by short label, with author and date, each one tap away. */
import { action, bold, command, text } from '../rich/build.js';
import type { Command } from './types.js';
import { PAGE_OPTION, pageOf, pagedReply, withPage, type Piece } from '../present/pages.js';
import { authorShort, buttonLabel, dateShort } from '../present/present.js';

/** /statements: every statement by short label, each one tap away. */
export const statements: Command = {
  name: 'statements',
  access: 'everyone',
  cacheable: true,
  options: [PAGE_OPTION],
  parse(raw) {
    return { page: withPage(raw).page };
  },
  run({ options, voice }, _inv, { campaign }) {
    const pieces = campaign.statements.map((s): Piece => ({
      item: [bold(s.label), text(` — ${authorShort(voice, s)}, ${dateShort(voice, s)}: `), command(`/statement ${s.id}`)],
      list: 'statements', ordered: false, number: 1,
    }));
    return pagedReply({
      title: voice.t('statements-title'), pieces, voice, page: pageOf(options), command: 'statements', args: '',
      actions: campaign.statements.slice(0, 12).map((s) => action(buttonLabel(s.label), 'statement', s.id)),
    });
  },
};
