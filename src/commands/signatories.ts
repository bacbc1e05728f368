/** /signatories [country | name | abbreviation] [page] — who signed, paged; countries and names in any language and script. */
import type { Campaign, Organization, Statement } from '../content/campaign.js';
import { countries, signatories as allSignatories, type Signatory } from '../content/queries.js';
import { action, bullets, command, errorReply, message, paragraph, reply, text } from '../rich/build.js';
import type { Reply } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { countryName } from '../text/countries.js';
import { clip, fold } from '../text/fold.js';
import { PAGE_OPTION, noSuchPage, pageTitle, withPage } from '../present/pages.js';
import { buttonLabel, didYouMean, organizationSpans, shortName } from '../present/present.js';
import type { Voice } from '../i18n/voice.js';
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

/** What an organisation did for a statement it does not sign: wrote it, co-ordinated it, or is named in it (catalog ids). */
const ROLES = ['signatories-wrote', 'signatories-coordinated', 'signatories-named-in'] as const;

function role(org: Organization, s: Statement): (typeof ROLES)[number] {
  if (s.author === org) return 'signatories-wrote';
  return 'coordinatedBy' in s && s.coordinatedBy === org ? 'signatories-coordinated' : 'signatories-named-in';
}

/** "RISE co-ordinated one: RISE-coordinated statement." */
function mentionText(voice: Voice, org: Organization, statements: readonly Statement[]): string {
  const who = org.abbreviation ? `${org.name} (${org.abbreviation})` : org.name;
  const roles = ROLES.map((r) => {
    const of = statements.filter((s) => role(org, s) === r);
    return of.length ? voice.t(r, { count: of.length, labels: of.map((s) => s.label).join(', ') }) : '';
  }).filter(Boolean);
  return voice.t('signatories-mention', { who, roles: roles.join('; ') });
}

/** Names to suggest for a filter that found nobody: the content's countries and, in other languages, their usual names there; abbreviations. */
function suggestions(voice: Voice, campaign: Campaign, orgs: readonly Organization[]): string[] {
  const theirs = countries({ ...campaign, organizations: orgs });
  const local = voice.language === 'en' ? [] : theirs.flatMap((c) => countryName(c, voice.language).split(' / ').map((p) => p.replace(/\s*\(.*\)$/u, '')));
  return [...new Set([...theirs, ...local, ...orgs.map(shortName)])];
}

/** The answer when nobody signed matching `filter`: where its organisations appear instead, or the closest that would answer. */
function noSignatory(voice: Voice, campaign: Campaign, filter: string, signed: readonly Signatory[]): Reply {
  const named = matching(campaign.organizations, filter);
  const mentions = campaign.statements.flatMap((s) => referenced(campaign, s).filter((o) => named.has(o.id)).map((o) => ({ o, s })));
  const country = ofCountry(campaign.organizations, filter, true)[0]?.country;
  const known = country !== undefined || isCountryName(filter);
  const none = country !== undefined ? voice.t('signatories-none-from-country', { country: countryName(country, voice.language) })
    : voice.t(known ? 'signatories-none-from-typed' : 'signatories-none-named', { filter: clip(filter) });
  if (mentions.length > 0) {
    const orgs = [...new Set(mentions.map((m) => m.o))];
    const lines = orgs.map((o) => mentionText(voice, o, [...new Set(mentions.filter((m) => m.o === o).map((m) => m.s))]));
    const read = [...new Set(mentions.map((m) => m.s))];
    return reply(message(voice.t('signatories-matching-title', { filter: clip(filter) }), [paragraph(none, ' ', lines.join(' '))]), undefined, [
      ...read.slice(0, 10).map((s) => action(buttonLabel(voice.t('content-button-read', { label: s.label })), 'statement', s.id)),
      ...(signed.length ? [action(voice.t('signatories-button-all'), 'signatories')] : []),
    ]);
  }
  const orgs = signed.map((s) => s.organization);
  const codes = new Set(countryCodesOf(filter));
  // Never suggest what just failed: not the same text, not another name of the same country.
  const guesses = closest(filter, suggestions(voice, campaign, orgs))
    .filter((g) => fold(g) !== fold(filter) && !countryCodesOf(g).some((c) => codes.has(c)))
    .filter((g) => matchOrganizations(orgs, g) !== undefined);
  const hints = didYouMean(voice, guesses.map((g) => command(`/signatories ${g}`)));
  return errorReply(
    text(voice.t(known ? 'signatories-no-country' : 'signatories-no-match', { filter: clip(filter) })), text(' '),
    ...(hints.length ? hints : voice.rich('signatories-every', { command: command('/signatories') })),
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
  run({ options, voice }, _inv, { campaign }) {
    const filter = String(options.filter ?? '').trim();
    const all = allSignatories(campaign);
    const title = voice.t('signatories-title');
    if (all.length === 0) return reply(message(title, [paragraph(voice.t('signatories-none-listed'))]));
    let shown = all;
    let heading = voice.t('signatories-signed', { count: all.length });
    if (filter) {
      const found = matching(all.map((s) => s.organization), filter);
      shown = all.filter((s) => found.has(s.organization.id));
      if (shown.length === 0) return noSignatory(voice, campaign, filter, all);
      heading = voice.t('signatories-matching', { count: shown.length, filter: clip(filter) });
    }
    const pages = Math.max(1, Math.ceil(shown.length / SIGNATORIES_PER_PAGE));
    const page = Number(options.page ?? 1);
    if (!Number.isInteger(page) || page < 1 || page > pages) return noSuchPage(voice, pages, options.page);
    const slice = shown.slice((page - 1) * SIGNATORIES_PER_PAGE, page * SIGNATORIES_PER_PAGE);
    const statements = [...new Set(slice.flatMap((s) => s.statements))];
    const signedWhat = statements.map((st) => (st.signatories?.asOf
      ? voice.t('signatories-list-as-of', { label: st.label, date: voice.contentDate(st.signatories.asOf) }) : st.label));
    return reply(
      message(pages > 1 ? pageTitle(voice, title, page, pages) : title, [
        paragraph(heading),
        bullets(slice.map((s) => organizationSpans(voice, s.organization))),
        ...(signedWhat.length ? [paragraph(voice.t('signatories-signed-what', { statements: signedWhat.join('; ') }))] : []),
      ]),
      pages > 1 ? { page, pages, command: 'signatories', args: filter } : undefined,
      statements.slice(0, 10).map((st) => action(buttonLabel(voice.t('content-button-read', { label: st.label })), 'statement', st.id)),
    );
  },
};
