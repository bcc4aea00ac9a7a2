import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  organisationListedMessageV1,
  type EventPayload,
  type OrganisationKind,
  type OrganisationListedMessage,
  type organisationListedV1,
} from '@passage/schemas';
import {
  ExchangeSender,
  FRONTLINE_KINDS,
  TrustDirectory,
  type AuthenticatedActor,
  type ExchangeHeader,
} from '@passage/shared';
import { ReferralsAccess } from '../../platform/index.js';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../../platform/index.js';
import { crossBorderErrors } from '../cross-border.errors.js';

/** One organisation as the directory lists it. */
export interface DirectoryEntry {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  country: string | null;
  stationedIn: string | null;
  active: boolean;
  hostedHere: boolean;
}

interface DirectoryRow {
  organisation_id: string;
  name: string;
  kind: OrganisationKind;
  country: string | null;
  stationed_in: string | null;
  active: boolean;
  hosted_here: boolean;
}

/** Kinds other countries may address: those that work with survivors. Immigration and operators stay home. */
const REGIONAL_KINDS: readonly OrganisationKind[] = FRONTLINE_KINDS;

const LIST_LIMIT = 200;

/**
 * The regional organisation directory: who takes part, of what kind, in which country. This node's own
 * organisations come from identity; each is announced to every other country of the mechanism, and the
 * other nodes' announcements are kept beside them. Referrals, handoffs and repatriation steps are
 * addressed to organisations found here, so a case is never sent to an organisation nobody runs.
 */
@Injectable()
export class OrganisationDirectory {
  private readonly logger = new Logger('OrganisationDirectory');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ReferralsAccess,
    private readonly exchange: ExchangeSender,
    private readonly trustDirectory: TrustDirectory,
    @Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig,
  ) {}

  /** An entry from this node's identity service; frontline organisations are announced to the region. */
  async recordLocal(entry: EventPayload<typeof organisationListedV1>, manager: EntityManager): Promise<void> {
    await this.upsert(manager, { ...entry, hostedHere: true });
    const country = entry.country;
    if (!country || !this.config.HOSTED_COUNTRIES.includes(country)) return;
    if (!REGIONAL_KINDS.includes(entry.kind)) return;
    const message: OrganisationListedMessage = organisationListedMessageV1.schema.parse({
      ...entry,
      country,
    });
    const elsewhere = this.trustDirectory
      .countries()
      .filter((candidate) => !this.config.HOSTED_COUNTRIES.includes(candidate));
    for (const recipientCountry of elsewhere) {
      await this.exchange.sendMessage(manager, organisationListedMessageV1, {
        senderCountry: country,
        recipientCountry,
        payload: message,
        correlationId: entry.organisationId,
      });
    }
    if (elsewhere.length > 0) {
      this.logger.log(`${entry.name} announced to ${elsewhere.length} countries hosted elsewhere`);
    }
  }

  /**
   * An announcement from another node. Only the node hosting the organisation's country may announce it,
   * it never overrides an organisation of this node, and never one listed for another country.
   */
  async recordRemote(
    message: OrganisationListedMessage,
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    if (header.sender.country !== message.country) {
      throw crossBorderErrors.error('SENDER_NOT_ENTITLED', "only the organisation's own country lists it");
    }
    if (this.config.HOSTED_COUNTRIES.includes(message.country)) {
      throw crossBorderErrors.error(
        'SENDER_NOT_ENTITLED',
        'this node lists the organisations of its own countries itself',
      );
    }
    // The organisation id is the sender's word too: an entry already listed for another country stays
    // that country's, or one country could rename, move or deactivate another's organisations.
    const [existing] = (await manager.query(
      `SELECT country FROM organisation_directory WHERE organisation_id = $1 FOR UPDATE`,
      [message.organisationId],
    )) as { country: string | null }[];
    if (existing && existing.country !== message.country) {
      throw crossBorderErrors.error(
        'SENDER_NOT_ENTITLED',
        `organisation ${message.organisationId} is listed for ${existing.country ?? 'no country'}`,
      );
    }
    await this.upsert(manager, { ...message, hostedHere: false });
  }

  /** Active organisations, filtered, by country then name. Not for immigration or the platform operator. */
  async list(
    actor: AuthenticatedActor,
    filter: { country: string | null; kind: OrganisationKind | null; search: string | null },
  ): Promise<DirectoryEntry[]> {
    this.access.authorise(actor, 'directory.read', null);
    const rows = (await this.dataSource.query(
      `SELECT * FROM organisation_directory
        WHERE active AND country IS NOT NULL AND kind = ANY($1)
          AND ($2::char(2) IS NULL OR country = $2) AND ($3::text IS NULL OR kind = $3)
          AND ($4::text IS NULL OR name ILIKE '%' || $4 || '%')
        ORDER BY country, name LIMIT ${LIST_LIMIT}`,
      [[...REGIONAL_KINDS, 'IMMIGRATION'], filter.country, filter.kind, filter.search],
    )) as DirectoryRow[];
    return rows.map(toEntry);
  }

  /** How many active organisations of these kinds the directory lists in a country, on any node. */
  async countActive(
    manager: EntityManager,
    country: string,
    kinds: readonly OrganisationKind[],
  ): Promise<number> {
    const [{ count }] = (await manager.query(
      `SELECT count(*)::int AS count FROM organisation_directory WHERE active AND country = $1 AND kind = ANY($2)`,
      [country, [...kinds]],
    )) as { count: number }[];
    return count;
  }

  /**
   * The organisation a case is to be sent to, checked: listed, active, of the expected country and one
   * of the expected kinds. Anything else is the caller's mistake, named by `field`.
   */
  async addressee(
    manager: EntityManager,
    organisationId: string,
    expected: { field: string; kinds: readonly OrganisationKind[]; country?: string },
  ): Promise<DirectoryEntry & { country: string }> {
    const [row] = (await manager.query(`SELECT * FROM organisation_directory WHERE organisation_id = $1`, [
      organisationId,
    ])) as DirectoryRow[];
    const entry = row ? toEntry(row) : null;
    const problem = !entry
      ? 'is not an organisation of the directory'
      : !entry.active
        ? `${entry.name} no longer takes part`
        : !entry.country
          ? `${entry.name} belongs to no country`
          : expected.country && entry.country !== expected.country
            ? `${entry.name} is in ${entry.country}, not ${expected.country}`
            : !expected.kinds.includes(entry.kind)
              ? `${entry.name} (${entry.kind}) cannot take this`
              : null;
    if (problem) {
      throw crossBorderErrors.error('ADDRESSEE_NOT_ELIGIBLE', problem, { field: expected.field });
    }
    return entry as DirectoryEntry & { country: string };
  }

  private async upsert(
    manager: EntityManager,
    entry: Omit<DirectoryEntry, 'hostedHere'> & { hostedHere: boolean; listedAt: string },
  ): Promise<void> {
    // A late, older announcement never replaces a newer one.
    await manager.query(
      `INSERT INTO organisation_directory (organisation_id, name, kind, country, stationed_in, active, hosted_here, listed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organisation_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
         country = EXCLUDED.country, stationed_in = EXCLUDED.stationed_in, active = EXCLUDED.active,
         listed_at = EXCLUDED.listed_at
       WHERE organisation_directory.listed_at <= EXCLUDED.listed_at
         AND organisation_directory.hosted_here = EXCLUDED.hosted_here`,
      [
        entry.organisationId,
        entry.name,
        entry.kind,
        entry.country,
        entry.stationedIn,
        entry.active,
        entry.hostedHere,
        entry.listedAt,
      ],
    );
  }
}

function toEntry(row: DirectoryRow): DirectoryEntry {
  return {
    organisationId: row.organisation_id,
    name: row.name,
    kind: row.kind,
    country: row.country,
    stationedIn: row.stationed_in,
    active: row.active,
    hostedHere: row.hosted_here,
  };
}
