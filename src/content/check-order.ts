/**
 * Cross-checks of the optional statement fields added for provenance and
 * order: `coordinatedBy` names a known organisation, `campaign.yaml`
 * `statementOrder` names known statements, each once. Pure; run by `load.ts`
 * after the main cross-checks of `validate.ts`.
 */
import type { ContentIssue } from '../errors.js';
import type { CampaignFile, OrganizationEntry } from './schema.js';
import { CONTENT_FILES, type ParsedStatement } from './validate.js';

const quoted = (s: string): string => JSON.stringify(s);

/**
 * Problems with `coordinatedBy` and `statementOrder`, each naming its file and
 * field (positions count from 1 in the message). Skips what did not parse.
 */
export function checkStatementExtras(
  campaign: CampaignFile | undefined, organizations: readonly OrganizationEntry[] | undefined,
  statements: readonly ParsedStatement[], broken: ReadonlySet<string>,
): ContentIssue[] {
  const out: ContentIssue[] = [];
  if (organizations) {
    const orgIds = new Set(organizations.map((o) => o.id));
    for (const s of statements) {
      const by = s.front.coordinatedBy;
      if (by !== undefined && !orgIds.has(by)) {
        out.push({ file: s.file, field: 'coordinatedBy', message: `unknown organisation id ${quoted(by)} (not in ${CONTENT_FILES.organizations})` });
      }
    }
  }
  const order = campaign?.statementOrder;
  if (order) {
    const ids = new Set(statements.map((s) => s.front.id));
    const seen = new Set<string>();
    order.forEach((id, i) => {
      const field = `statementOrder[${i}]`;
      if (seen.has(id)) out.push({ file: CONTENT_FILES.campaign, field, message: `statement ${quoted(id)} is listed twice (entry ${i + 1} of statementOrder)` });
      else if (!ids.has(id) && !broken.has(id) && !broken.has('*')) {
        out.push({ file: CONTENT_FILES.campaign, field, message: `unknown statement id ${quoted(id)} in entry ${i + 1} of statementOrder (no statements/${id}.md)` });
      }
      seen.add(id);
    });
  }
  return out;
}
