import type { EntityManager } from 'typeorm';
import type { ServiceType } from '@passage/schemas';
import type { AgeBand, Gender } from '../../case-work/index.js';
import type { ServiceEligibility } from './service-matching.js';

/** A row of `directory_service`. */
export interface DirectoryServiceRow {
  id: string;
  organization_id: string;
  organization_name: string;
  name: string;
  description: string | null;
  service_type: ServiceType;
  status: 'active' | 'inactive';
  country: string;
  state_province: string | null;
  district: string | null;
  capacity_maximum: number | null;
  capacity_available: number | null;
  genders: Gender[];
  age_bands: AgeBand[];
  languages: string[];
  eligibility: ServiceEligibility;
  schedule_description: string | null;
  created_at: Date;
  updated_at: Date;
  updated_by: string;
}

/** The listing a provider writes; the ids and times are the repository's. */
export type DirectoryServiceListing = Omit<DirectoryServiceRow, 'created_at' | 'updated_at'>;

const COLUMNS = `id, organization_id, organization_name, name, description, service_type, status, country,
  state_province, district, capacity_maximum, capacity_available, genders, age_bands, languages, eligibility,
  schedule_description, created_at, updated_at, updated_by`;

/** The services directory table, with the queries the directory and referrals need. */
export class ServiceDirectoryRepository {
  async findById(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<DirectoryServiceRow | null> {
    const rows = (await manager.query(
      `SELECT ${COLUMNS} FROM directory_service WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as DirectoryServiceRow[];
    return rows[0] ?? null;
  }

  async findByName(
    manager: EntityManager,
    organisationId: string,
    name: string,
  ): Promise<DirectoryServiceRow | null> {
    const rows = (await manager.query(
      `SELECT ${COLUMNS} FROM directory_service WHERE organization_id = $1 AND name = $2 FOR UPDATE`,
      [organisationId, name],
    )) as DirectoryServiceRow[];
    return rows[0] ?? null;
  }

  /** Inserts or replaces a listing by id; returns the stored row. */
  async save(
    manager: EntityManager,
    listing: DirectoryServiceListing,
    now: Date,
  ): Promise<DirectoryServiceRow> {
    const rows = (await manager.query(
      `INSERT INTO directory_service (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19)
       ON CONFLICT (id) DO UPDATE SET
         organization_name = EXCLUDED.organization_name, name = EXCLUDED.name,
         description = EXCLUDED.description, service_type = EXCLUDED.service_type, status = EXCLUDED.status,
         country = EXCLUDED.country, state_province = EXCLUDED.state_province, district = EXCLUDED.district,
         capacity_maximum = EXCLUDED.capacity_maximum, capacity_available = EXCLUDED.capacity_available,
         genders = EXCLUDED.genders, age_bands = EXCLUDED.age_bands, languages = EXCLUDED.languages,
         eligibility = EXCLUDED.eligibility, schedule_description = EXCLUDED.schedule_description,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       RETURNING ${COLUMNS}`,
      [
        listing.id,
        listing.organization_id,
        listing.organization_name,
        listing.name,
        listing.description,
        listing.service_type,
        listing.status,
        listing.country,
        listing.state_province,
        listing.district,
        listing.capacity_maximum,
        listing.capacity_available,
        listing.genders,
        listing.age_bands,
        listing.languages,
        listing.eligibility,
        listing.schedule_description,
        now,
        listing.updated_by,
      ],
    )) as DirectoryServiceRow[];
    return rows[0];
  }

  /** Active services of one type in one country: the hard criteria, never relaxed. */
  async candidates(
    manager: EntityManager,
    filter: { serviceType: ServiceType | null; country: string },
  ): Promise<DirectoryServiceRow[]> {
    return (await manager.query(
      `SELECT ${COLUMNS} FROM directory_service
        WHERE status = 'active' AND country = $1 AND ($2::text IS NULL OR service_type = $2)
        ORDER BY service_type, organization_name, name, id`,
      [filter.country, filter.serviceType],
    )) as DirectoryServiceRow[];
  }
}
