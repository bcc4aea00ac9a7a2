import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { serviceUpsertedV1 } from '@passage/schemas';
import {
  AccessDeniedError,
  Clock,
  Outbox,
  parseInput,
  type AuthenticatedActor,
  type ResourceContext,
} from '@passage/shared';
import { ReferralsAccess } from '../../platform/index.js';
import { servicesErrors } from '../services.errors.js';
import { DEMO_SERVICES } from './demo-services.js';
import type { ServiceFilterValue, UpsertServiceValue } from './dtos/service-directory.inputs.js';
import { UpsertServiceInput } from './dtos/service-directory.inputs.js';
import type { ServiceModel, ServiceSearchResultModel } from './graphql/service-directory.model.js';
import { ServiceDirectoryRepository, type DirectoryServiceRow } from './service-directory.repository.js';
import { listingRefusal, workingCountry } from './service-listing-rule.js';
import { matchServices } from './service-matching.js';

/**
 * The services directory: providers keep their own listings current, case workers search it by the
 * needs of a case. It holds no survivor data, only what a provider says about itself.
 */
@Injectable()
export class ServiceDirectoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly services: ServiceDirectoryRepository,
    private readonly access: ReferralsAccess,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** Lists a service of the caller's organisation, or replaces its listing (by id, or else by name). */
  async upsertService(actor: AuthenticatedActor, input: UpsertServiceValue): Promise<ServiceModel> {
    const refusal = listingRefusal(actor, actor.organisationId, input.country);
    if (refusal) throw new AccessDeniedError(refusal);
    // Outside the unit of work by design (ADR 015): a listing holds no personal data and its change writes no audit entry.
    return this.dataSource.transaction(async (manager) => {
      const existing = input.id
        ? await this.services.findById(manager, input.id, { lock: true })
        : await this.services.findByName(manager, actor.organisationId, input.name);
      if (input.id && !existing) {
        throw servicesErrors.error('SERVICE_NOT_FOUND', 'no such service', { field: 'id' });
      }
      if (existing && existing.organization_id !== actor.organisationId) {
        throw new AccessDeniedError('OUT_OF_ORGANISATION');
      }
      const now = this.clock.now();
      const row = await this.services.save(
        manager,
        {
          id: existing?.id ?? randomUUID(),
          organization_id: actor.organisationId,
          organization_name: actor.organisationName,
          name: input.name,
          description: input.description,
          service_type: input.serviceType,
          status: input.active ? 'active' : 'inactive',
          country: input.country,
          state_province: input.stateProvince,
          district: input.district,
          capacity_maximum: input.capacityMaximum,
          capacity_available: input.capacityAvailable,
          genders: input.genders,
          age_bands: input.ageBands,
          languages: input.languages,
          eligibility: input.eligibility,
          schedule_description: input.scheduleDescription,
          updated_by: actor.userId,
        },
        now,
      );
      await this.outbox.appendEvent(manager, serviceUpsertedV1, {
        aggregateId: row.id,
        payload: {
          serviceId: row.id,
          organisationId: row.organization_id,
          serviceType: row.service_type,
          country: row.country,
          active: row.status === 'active',
          capacityAvailable: row.capacity_available,
          updatedBy: actor.userId,
          updatedAt: now.toISOString(),
        },
      });
      return toServiceModel(row);
    });
  }

  /**
   * Active services of the filter's type in its country (the caller's by default) that meet every need,
   * and those that miss exactly one, each with the need it misses.
   */
  async search(actor: AuthenticatedActor, filter: ServiceFilterValue): Promise<ServiceSearchResultModel> {
    this.assertMayConsult(actor);
    const country = filter.country ?? workingCountry(actor);
    if (!country) {
      throw servicesErrors.error('SEARCH_COUNTRY_MISSING', 'say which country to search', {
        field: 'country',
      });
    }
    const candidates = await this.services.candidates(this.dataSource.manager, {
      serviceType: filter.serviceType,
      country,
    });
    const { matches, nearMisses } = matchServices(candidates.map(withFacts), filter);
    return {
      matches: matches.map((service) => toServiceModel(service.row)),
      nearMisses: nearMisses.map((miss) => ({
        service: toServiceModel(miss.service.row),
        unmet: miss.unmet,
      })),
    };
  }

  /** An active service a referral can be addressed to, inside the caller's transaction. */
  async activeService(manager: EntityManager, serviceId: string): Promise<DirectoryServiceRow> {
    const row = await this.services.findById(manager, serviceId);
    if (!row || row.status !== 'active') {
      throw servicesErrors.error('SERVICE_NOT_FOUND', 'no such service in the directory', {
        field: 'serviceId',
      });
    }
    return row;
  }

  /**
   * Lists the demonstration services of the caller's organisation ({@link DEMO_SERVICES}, matched by
   * organisation name), through the same rule as any listing. Safe to run again: listings are replaced by
   * name. Returns how many were written.
   */
  async seedDemoServices(actor: AuthenticatedActor): Promise<number> {
    const own = DEMO_SERVICES.filter((entry) => entry.organisationName === actor.organisationName);
    for (const entry of own)
      await this.upsertService(actor, parseInput(UpsertServiceInput.schema, entry.input));
    return own.length;
  }

  /**
   * The directory is open to whoever could send a referral from a case of their own with the survivor's
   * consent: frontline staff with a case role. Immigration and the platform operator never search it.
   */
  private assertMayConsult(actor: AuthenticatedActor): void {
    const ownConsentedCase: ResourceContext = {
      ownerOrganisationId: actor.organisationId,
      ownerCountry: actor.country ?? '',
      jurisdictionCountry: actor.country ?? '',
      team: [],
      consents: ['SERVICES_REFERRAL'],
    };
    this.access.authorise(actor, 'referral.create', ownConsentedCase);
  }
}

function withFacts(row: DirectoryServiceRow) {
  return {
    row,
    serviceType: row.service_type,
    country: row.country,
    stateProvince: row.state_province,
    capacityAvailable: row.capacity_available,
    genders: row.genders,
    ageBands: row.age_bands,
    languages: row.languages,
    eligibility: row.eligibility,
  };
}

/** The public shape of a listing. */
export function toServiceModel(row: DirectoryServiceRow): ServiceModel {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    name: row.name,
    description: row.description,
    serviceType: row.service_type,
    active: row.status === 'active',
    country: row.country,
    stateProvince: row.state_province,
    district: row.district,
    capacityMaximum: row.capacity_maximum,
    capacityAvailable: row.capacity_available,
    genders: row.genders,
    ageBands: row.age_bands,
    languages: row.languages,
    eligibility: row.eligibility,
    scheduleDescription: row.schedule_description,
    updatedAt: row.updated_at,
  };
}
