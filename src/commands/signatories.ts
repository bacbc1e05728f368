/** /signatories [country | name | abbreviation] [page] — who signed, paged. */
import type { Campaign, Organization } from '../content/campaign.js';
import { countries, organizationsOfCountry, searchOrganizations, signatories as allSignatories, namesOrganization, type Signatory } from '../content/queries.js';
import { formatContentDate } from '../schedule/calendar.js';
import { action, bullets, command, errorReply, message, paragraph, reply, text } from '../rich/build.js';
import type { Reply } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { clip, fold, foldLoose } from '../text/fold.js';
import { PAGE_OPTION, withPage } from './pages.js';
import { buttonLabel, organizationSpans, plural, shortName } from './present.js';
import type { Command, OptionValues } from './types.js';

/** Signatories shown per page. */
export const SIGNATORIES_PER_PAGE = 10;

/** "france 2" → filter "france", page 2; a lone number is a page. */
function parse(raw: string): OptionValues {
  const { rest, page } = withPage(raw);
  return { filter: rest || undefined, page };
}

/** The organisations `filter` names: by country, else by exact name, else by part of a name. */
function matching(orgs: readonly Organization[], filter: string): Set<string> {
  const q = foldLoose(filter);
  const byCountry = organizationsOfCountry(orgs, filter);
  const exact = orgs.filter((o) => namesOrganization(o, q));
  const found = byCountry.length ? byCountry : exact.length ? exact : searchOrganizations(orgs, filter);
  return new Set(found.map((o) => o.id));
}

/** The answer when nobody signed matching `filter`: what its organisations wrote instead, or the closest that would answer. */
function noSignatory(campaign: Campaign, filter: string, signed: readonly Signatory[]): Reply {
  const named = matching(campaign.organizations, filter);
  const wrote = campaign.statements.filter((s) => s.author && named.has(s.author.id));
  if (wrote.length > 0) {
    const authors = [...new Set(wrote.map((s) => s.author!))];
    const country = organizationsOfCountry(authors, filter)[0]?.country;
    return reply(message(`Signatories matching “${clip(filter)}”`, [
      paragraph(country ? `No organisation from ${country} signed a statement here. ` : `“${clip(filter)}” signed no statement here. `,
      `${authors.map((a) => (a.abbreviation ? `${a.name} (${a.abbreviation})` : a.name)).join(' and ')} `
        + `wrote ${wrote.length === 1 ? 'one' : plural(wrote.length, 'statement', 'statements')}: ${wrote.map((s) => s.label).join(', ')}.`),
    ]), undefined, [
      ...wrote.slice(0, 10).map((s) => action(buttonLabel(`Read: ${s.label}`), 'statement', s.id)),
      ...(signed.length ? [action('All signatories', 'signatories')] : []),
    ]);
  }
  const orgs = signed.map((s) => s.organization);
  const guesses = closest(filter, [...countries({ ...campaign, organizations: orgs }), ...orgs.map(shortName)])
    .filter((g) => fold(g) !== fold(filter));
  return errorReply(
    text(`No signatory matches “${clip(filter)}”. `),
    ...(guesses.length
      ? [text('Did you mean '), ...guesses.flatMap((g, i) => [...(i ? [text(', ')] : []), command(`/signatories ${g}`)]), text('?')]
      : [text('Every signatory: '), command('/signatories'), text('.')]),
  );
}

/** /signatories: who signed, by country or name, ten to a page. */
export const signatories: Command = {
  name: 'signatories',
  description: 'Who signed the statements, by country, name or abbreviation',
  usage: '/signatories [country | name | abbreviation] [page]',
  access: 'everyone',
  cacheable: true,
  options: [
    { name: 'filter', description: 'A country, a name or an abbreviation', type: 'string', choices: 'signatories' },
    PAGE_OPTION,
  ],
  parse,
  run({ options }, _inv, { campaign }) {
    const filter = String(options.filter ?? '').trim();
    const all = allSignatories(campaign);
    if (all.length === 0) return reply(message('Signatories', [paragraph('No statement here lists signatories.')]));
    let shown = all;
    let heading = `${plural(all.length, 'organisation', 'organisations')} signed`;
    if (filter) {
      const found = matching(all.map((s) => s.organization), filter);
      shown = all.filter((s) => found.has(s.organization.id));
      if (shown.length === 0) return noSignatory(campaign, filter, all);
      heading = `${plural(shown.length, 'signatory', 'signatories')} matching “${clip(filter)}”`;
    }
    const pages = Math.max(1, Math.ceil(shown.length / SIGNATORIES_PER_PAGE));
    const page = Number(options.page ?? 1);
    if (!Number.isInteger(page) || page < 1 || page > pages) {
      return errorReply(`There ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}; page ${clip(String(options.page))} does not exist.`);
    }
    const slice = shown.slice((page - 1) * SIGNATORIES_PER_PAGE, page * SIGNATORIES_PER_PAGE);
    const statements = [...new Set(slice.flatMap((s) => s.statements))];
    const signedWhat = statements.map((st) => `${st.label}${st.signatories?.asOf ? ` (list as of ${formatContentDate(st.signatories.asOf)})` : ''}`);
    return reply(
      message(`Signatories${pages > 1 ? ` — page ${page} of ${pages}` : ''}`, [
        paragraph(heading, '.'),
        bullets(slice.map((s) => organizationSpans(s.organization))),
        ...(signedWhat.length ? [paragraph('Signed: ', signedWhat.join('; '), '.')] : []),
      ]),
      pages > 1 ? { page, pages, command: 'signatories', args: filter } : undefined,
      statements.slice(0, 10).map((st) => action(buttonLabel(`Read: ${st.label}`), 'statement', st.id)),
    );
  },
};
