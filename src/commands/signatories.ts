/** /signatories [country | name | abbreviation] [page] — who signed, paged. */
import { countries, organizationsOfCountry, searchOrganizations, signatories as allSignatories, namesOrganization } from '../content/queries.js';
import { formatContentDate } from '../schedule/calendar.js';
import { bullets, code, errorReply, message, paragraph, reply, text } from '../rich/build.js';
import { closest } from '../text/closest.js';
import { clip, foldLoose } from '../text/fold.js';
import type { Command, OptionValues } from './types.js';
import { organizationSpans } from './present.js';

/** Signatories shown per page. */
export const SIGNATORIES_PER_PAGE = 10;

/** "france 2" → filter "france", page 2; a lone number is a page. */
function parse(raw: string): OptionValues {
  const m = /^(.*?)(?:^|\s+)(\d{1,4})$/su.exec(raw.trim());
  return m ? { filter: m[1]!.trim() || undefined, page: Number(m[2]) } : { filter: raw.trim() || undefined };
}

export const signatories: Command = {
  name: 'signatories',
  description: 'Who signed the statements, by country, name or abbreviation',
  usage: '/signatories [country | name | abbreviation] [page]',
  access: 'everyone',
  cacheable: true,
  options: [
    { name: 'filter', description: 'A country, a name or an abbreviation', type: 'string', choices: 'signatories' },
    { name: 'page', description: 'Page number', type: 'integer', min: 1 },
  ],
  parse,
  run({ options }, _inv, { campaign }) {
    const filter = String(options.filter ?? '').trim();
    const all = allSignatories(campaign);
    let shown = all;
    let heading = `${all.length} organisations signed`;
    if (filter) {
      const q = foldLoose(filter);
      const orgs = all.map((s) => s.organization);
      const byCountry = new Set(organizationsOfCountry(orgs, filter).map((o) => o.id));
      const exact = new Set(orgs.filter((o) => namesOrganization(o, q)).map((o) => o.id));
      const found = byCountry.size ? byCountry : exact.size ? exact : new Set(searchOrganizations(orgs, filter).map((o) => o.id));
      shown = all.filter((s) => found.has(s.organization.id));
      heading = `${shown.length} signator${shown.length === 1 ? 'y' : 'ies'} matching “${clip(filter)}”`;
      if (shown.length === 0) {
        const guesses = closest(filter, [...countries(campaign), ...orgs.map((o) => o.abbreviation ?? o.name)]);
        return errorReply(
          text(`No signatory matches “${clip(filter)}”. `),
          ...(guesses.length ? [text('Did you mean '), ...guesses.flatMap((g, i) => [...(i ? [text(', ')] : []), code(`/signatories ${g}`)]), text('?')] : [text('Try a country, e.g. '), code('/signatories france'), text('.')]),
        );
      }
    }
    const pages = Math.max(1, Math.ceil(shown.length / SIGNATORIES_PER_PAGE));
    const page = Number(options.page ?? 1);
    if (!Number.isInteger(page) || page < 1 || page > pages) {
      return errorReply(`There ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}; page ${clip(String(options.page))} does not exist.`);
    }
    const slice = shown.slice((page - 1) * SIGNATORIES_PER_PAGE, page * SIGNATORIES_PER_PAGE);
    const asOf = [...new Set(slice.flatMap((s) => s.statements))].map((st) =>
      `“${st.title}”${st.signatories?.asOf ? ` (as of ${formatContentDate(st.signatories.asOf)})` : ''}`);
    return reply(
      message(`Signatories${pages > 1 ? ` — page ${page} of ${pages}` : ''}`, [
        paragraph(heading, '.'),
        bullets(slice.map((s) => organizationSpans(s.organization))),
        paragraph('Signed: ', asOf.join('; '), '.'),
      ]),
      pages > 1 ? { page, pages, command: 'signatories', args: filter } : undefined,
    );
  },
};
