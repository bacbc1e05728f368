/** /signatories [country | name | abbreviation] [page] — who signed, paged. */
import type { Campaign, Organization, Statement } from '../content/campaign.js';
import { countries, signatories as allSignatories, type Signatory } from '../content/queries.js';
import { formatContentDate } from '../time/calendar.js';
import { action, bullets, command, errorReply, message, paragraph, reply, text } from '../rich/build.js';
import type { Reply } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { clip, fold } from '../text/fold.js';
import { PAGE_OPTION, withPage } from '../present/pages.js';
import { buttonLabel, organizationSpans, plural, shortName } from '../present/present.js';
import { countryCodesOf, isCountryName, matchOrganizations, ofCountry } from './signatory-search.js';
import type { Command, OptionValues } from './types.js';

/** Signatories shown per page. */
export const SIGNATORIES_PER_PAGE = 10;

/** "france 2" → filter "france", page 2; a lone number is a page. */
function parse(raw: string): OptionValues {
  const { rest, page } = withPage(raw);
  return { filter: rest || undefined, page };
}

/** Ids of the organisations `filter` names (see `matchOrganizations`). */
function matching(orgs: readonly Organization[], filter: string): Set<string> {
  return new Set((matchOrganizations(orgs, filter)?.organizations ?? []).map((o) => o.id));
}

/** The organisations a statement refers to in its own fields (author, whose demands, co-ordinator…). */
function referenced(campaign: Campaign, statement: Statement): Organization[] {
  const known = new Set(campaign.organizationById.values());
  return Object.values(statement).filter((v): v is Organization => known.has(v as Organization));
}

/** What an organisation did for a statement it does not sign: wrote it, co-ordinated it, or is named in it. */
function role(org: Organization, s: Statement): 'wrote' | 'co-ordinated' | 'is named in' {
  if (s.author === org) return 'wrote';
  return 'coordinatedBy' in s && s.coordinatedBy === org ? 'co-ordinated' : 'is named in';
}

/** "RISE co-ordinated one: RISE-coordinated statement." */
function mentionText(org: Organization, statements: readonly Statement[]): string {
  const who = org.abbreviation ? `${org.name} (${org.abbreviation})` : org.name;
  const parts = (['wrote', 'co-ordinated', 'is named in'] as const).map((r) => {
    const of = statements.filter((s) => role(org, s) === r);
    if (!of.length) return '';
    return `${r} ${of.length === 1 ? 'one' : plural(of.length, 'statement', 'statements')}: ${of.map((s) => s.label).join(', ')}`;
  }).filter(Boolean);
  return `${who} ${parts.join('; ')}.`;
}

/** The answer when nobody signed matching `filter`: where its organisations appear instead, or the closest that would answer. */
function noSignatory(campaign: Campaign, filter: string, signed: readonly Signatory[]): Reply {
  const named = matching(campaign.organizations, filter);
  const mentions = campaign.statements.flatMap((s) => referenced(campaign, s).filter((o) => named.has(o.id)).map((o) => ({ o, s })));
  const country = ofCountry(campaign.organizations, filter, true)[0]?.country;
  const known = country !== undefined || isCountryName(filter);
  const none = known ? `No organisation from ${country ?? `“${clip(filter)}”`} signed a statement here. ` : `“${clip(filter)}” signed no statement here. `;
  if (mentions.length > 0) {
    const orgs = [...new Set(mentions.map((m) => m.o))];
    const lines = orgs.map((o) => {
      const of = mentions.filter((m) => m.o === o).map((m) => m.s);
      return mentionText(o, [...new Set(of)]);
    });
    const read = [...new Set(mentions.map((m) => m.s))];
    return reply(message(`Signatories matching “${clip(filter)}”`, [paragraph(none, lines.join(' '))]), undefined, [
      ...read.slice(0, 10).map((s) => action(buttonLabel(`Read: ${s.label}`), 'statement', s.id)),
      ...(signed.length ? [action('All signatories', 'signatories')] : []),
    ]);
  }
  const orgs = signed.map((s) => s.organization);
  const codes = new Set(countryCodesOf(filter));
  // Never suggest what just failed: not the same text, not another name of the same country.
  const guesses = closest(filter, [...countries({ ...campaign, organizations: orgs }), ...orgs.map(shortName)])
    .filter((g) => fold(g) !== fold(filter) && !countryCodesOf(g).some((c) => codes.has(c)))
    .filter((g) => matchOrganizations(orgs, g) !== undefined);
  return errorReply(
    text(known ? `No signatory is from “${clip(filter)}”. ` : `No signatory matches “${clip(filter)}”. `),
    ...(guesses.length
      ? [text('Did you mean '), ...guesses.flatMap((g, i) => [...(i ? [text(', ')] : []), command(`/signatories ${g}`)]), text('?')]
      : [text('Every signatory: '), command('/signatories'), text('.')]),
  );
}

/** /signatories: who signed, by country or name, ten to a page. */
export const signatories: Command = {
  name: 'signatories',
  access: 'everyone',
  cacheable: true,
  options: [
    { name: 'filter', type: 'string', choices: 'signatories' },
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
