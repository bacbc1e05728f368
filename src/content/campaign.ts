/**
 * The loaded campaign: typed, cross-checked and frozen. Built by `load.ts`
 * from the files described in `schema.ts`; read by commands and the calendar.
 */
import type { CampaignFile, EventEntry, FigureEntry, OrganizationEntry, Topic } from './schema.js';

/** An organisation that wrote or signed a statement. */
export type Organization = OrganizationEntry;

/** A demand quoted verbatim from its statement. */
export interface Demand {
  readonly text: string;
  readonly topics: readonly string[];
}

/** A published statement with its full text. */
export interface Statement {
  readonly id: string;
  readonly title: string;
  /** Short label the statement is cited by (the title when the content gives none). */
  readonly label: string;
  /** The author organisation; undefined when the source does not name one. */
  readonly author: Organization | undefined;
  readonly authorNote?: string;
  /** Who co-ordinated it, where the text says so (not its author). */
  readonly coordinatedBy?: Organization;
  /** `YYYY-MM-DD`, `YYYY-MM` or `undated`. */
  readonly date: string;
  readonly dateNote?: string;
  readonly source: string;
  /** Who published it, as the text names them. */
  readonly publisher?: string;
  /** A web address the text gives, as written. */
  readonly url?: string;
  /** Publication date as the text gives it, `YYYY-MM-DD` or `YYYY-MM`. */
  readonly published?: string;
  readonly publishedNote?: string;
  readonly summary: string;
  readonly signatories?: {
    readonly asOf?: string;
    readonly note?: string;
    readonly organizations: readonly Organization[];
  };
  /** Whose demands these are when they are quoted from another organisation. */
  readonly demandsBy?: Organization;
  readonly demandsNote?: string;
  readonly demands: readonly Demand[];
  /** The full text as published (cleaned of scraping artefacts only). */
  readonly body: string;
  /** The body split at blank lines, trimmed, empty ones dropped. */
  readonly paragraphs: readonly string[];
  /** Path relative to the content folder, for error messages. */
  readonly file: string;
}

/** A figure with the statement that gives it. */
export type Figure = FigureEntry;

/** A dated event of the campaign's timeline. */
export interface CampaignEvent extends Omit<EventEntry, 'figures'> {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
  readonly figures: readonly Figure[];
}

/** The whole campaign, immutable once loaded. */
export interface Campaign {
  /** Absolute path of the content folder it was loaded from. */
  readonly dir: string;
  readonly meta: CampaignFile;
  readonly topics: readonly Topic[];
  readonly organizations: readonly Organization[];
  readonly organizationById: ReadonlyMap<string, Organization>;
  /** In `statementOrder` (campaign.yaml), then dated statements oldest first, then undated ones by id: every list uses this order. */
  readonly statements: readonly Statement[];
  readonly statementById: ReadonlyMap<string, Statement>;
  /** Sorted by date; events of one day in the order events.yaml gives them. */
  readonly events: readonly CampaignEvent[];
}
