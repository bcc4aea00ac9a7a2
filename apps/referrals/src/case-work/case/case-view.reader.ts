import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DATA_CATEGORIES, type DataCategory } from '@passage/schemas';
import { ACCESS_DENIED_MESSAGE, Clock, boundTo, redact, type AuthenticatedActor } from '@passage/shared';
import { ReferralsAccess } from '../../platform/index.js';
import { ProtectionAttestationEntity } from '../attestation/entities/protection-attestation.entity.js';
import { standingOf } from '../attestation/attestation-standing.js';
import { toConsentModel } from '../consent/consent-view.js';
import { ConsentEntity } from '../consent/entities/consent.entity.js';
import {
  ProtectionFollowUpView,
  type ProtectionFollowUpSection,
} from '../follow-up/protection-follow-up.view.js';
import { IdentificationDecisionEntity } from '../identification/entities/identification-decision.entity.js';
import { InterviewEntity } from '../interview/entities/interview.entity.js';
import {
  needsFemaleOrSpecialistInterviewer,
  visibleTopics,
  INTERVIEW_TOPICS,
  type InterviewTopic,
} from '../interview/interview-vocabulary.js';
import type { PersonEntity } from '../person/entities/person.entity.js';
import {
  PERSON_FIELD_CATEGORIES,
  personalFields,
  type PersonField,
  type PersonView,
} from '../person/person-fields.js';
import type { PersonModel } from '../person/graphql/person.model.js';
import { minorFromAgeBand } from '../person/person-vocabulary.js';
import { PersonLinkEntity } from '../person/entities/person-link.entity.js';
import { ScreeningEntity } from '../screening/entities/screening.entity.js';
import type { ScreeningModel } from '../screening/graphql/screening.model.js';
import { CaseAudit } from '../../platform/index.js';
import { caseWorkErrors } from '../case-work.errors.js';
import { CaseDueTimes } from '../due-times/case-due-times.js';
import { CaseRecords, type AuthorisedCase } from './case-records.js';
import { CaseStatusChangeEntity } from './entities/case-status-change.entity.js';
import type { CaseModel, CaseWarningModel } from './graphql/case.model.js';

/**
 * Screening fields by category: outcomes are legal findings; what the person recounted (observations,
 * evidence and the screener's reasons) is narrative, which police only see with the survivor's consent.
 */
const SCREENING_FIELD_CATEGORIES = {
  suggestedOutcome: 'LEGAL',
  suggestionReasons: 'LEGAL',
  confirmedOutcome: 'LEGAL',
  observations: 'NARRATIVE',
  evidenceAgainst: 'NARRATIVE',
  reasons: 'NARRATIVE',
} as const satisfies Record<string, DataCategory>;

/** Collects what a read returned, for its audit record: dotted field paths and their categories. */
class ReadLedger {
  readonly fields = new Set<string>();
  readonly categories = new Set<DataCategory>();

  add(path: string, category: DataCategory): void {
    this.fields.add(path);
    this.categories.add(category);
  }
}

/**
 * Reads a whole case as the caller may see it: each person's fields decided against that person's own
 * consents and age, withheld fields null, and one audit record naming every field and category
 * returned, written in the same transaction as the read.
 */
@Injectable()
export class CaseViewReader {
  constructor(
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly audit: CaseAudit,
    private readonly protection: ProtectionFollowUpView,
    private readonly dueTimes: CaseDueTimes,
    // An attestation's standing (valid or expired) depends on when the case is read.
    private readonly clock: Clock,
  ) {}

  async read(manager: EntityManager, actor: AuthenticatedActor, caseId: string): Promise<CaseModel> {
    const loaded = await this.records.authorise(manager, actor, 'case.read', caseId);
    const visibleByPerson = new Map<string, ReadonlySet<DataCategory>>();
    for (const person of loaded.persons) {
      const decision = this.access.visibleCategories(
        actor,
        'case.read',
        this.records.personContext(loaded, person),
        DATA_CATEGORIES,
      );
      visibleByPerson.set(
        person.id,
        new Set(DATA_CATEGORIES.filter((category) => decision[category] === 'ALLOW')),
      );
    }
    const ledger = new ReadLedger();
    const visible = (personId: string) => visibleByPerson.get(personId) ?? new Set<DataCategory>();
    // One after the other: the statements share the transaction's single connection anyway.
    const consents = await manager.find(ConsentEntity, {
      where: { caseId },
      order: { grantedAt: 'ASC', id: 'ASC' },
    });
    const interviews = await manager.find(InterviewEntity, {
      where: { caseId },
      order: { conductedAt: 'ASC', id: 'ASC' },
    });
    const screenings = await manager.find(ScreeningEntity, {
      where: { caseId },
      order: { screenedAt: 'ASC', id: 'ASC' },
    });
    const decisions = await manager.find(IdentificationDecisionEntity, {
      where: { caseId },
      order: { recordedAt: 'ASC', id: 'ASC' },
    });
    const attestations = await manager.find(ProtectionAttestationEntity, {
      where: { caseId },
      order: { issuedAt: 'ASC', id: 'ASC' },
    });
    const links = await manager.find(PersonLinkEntity, {
      where: { caseId },
      order: { recordedAt: 'ASC', id: 'ASC' },
    });
    const statusChanges = await manager.find(CaseStatusChangeEntity, {
      where: { caseId },
      order: { changedAt: 'ASC', id: 'ASC' },
    });
    // Who is whose child or partner: operational, so that families are kept together.
    if (links.length > 0) ledger.add('personLinks.relationship', 'OPERATIONAL');

    const people = loaded.persons.map((person) => this.personModel(person, visible(person.id), ledger));
    const interviewModels = interviews.map((interview) => {
      const topics = visibleTopics(interview.topics, visible(interview.personId));
      return {
        id: interview.id,
        personId: interview.personId,
        interviewerUserId: interview.interviewerUserId,
        interviewerOrganisationId: interview.interviewerOrganisationId,
        interviewerGender: interview.interviewerGender,
        specialistInterviewer: interview.specialistInterviewer,
        language: interview.language,
        interpreterUsed: interview.interpreterUsed,
        interpreterLanguage: interview.interpreterLanguage,
        topics,
        conductedAt: interview.conductedAt,
      };
    });
    const covered = new Set<InterviewTopic>(interviewModels.flatMap((interview) => interview.topics));
    const warnings: CaseWarningModel[] = [];
    for (const person of loaded.persons) {
      // The warning says that sexual violence was disclosed: only for those who may know that.
      if (!visible(person.id).has('SEXUAL_VIOLENCE')) continue;
      const own = interviews.filter((interview) => interview.personId === person.id);
      if (needsFemaleOrSpecialistInterviewer(person.sexualViolenceDisclosed === true, own)) {
        warnings.push({
          code: 'SEXUAL_VIOLENCE_WITHOUT_FEMALE_OR_SPECIALIST_INTERVIEWER',
          personId: person.id,
        });
        ledger.add('warnings.code', 'SEXUAL_VIOLENCE');
      }
    }
    for (const interview of interviews) {
      for (const topic of visibleTopics(interview.topics, visible(interview.personId))) {
        if (topic === 'SEXUAL_VIOLENCE') ledger.add('interviews.topics', 'SEXUAL_VIOLENCE');
        if (topic === 'HEALTH') ledger.add('interviews.topics', 'HEALTH');
      }
    }

    const legal = (personId: string) => visible(personId).has('LEGAL');
    const visibleDecisions = decisions.filter((decision) => legal(decision.personId));
    if (visibleDecisions.length > 0) ledger.add('identificationDecisions.status', 'LEGAL');
    const latest = new Map<string, string>();
    for (const decision of decisions)
      latest.set(`${decision.personId}|${decision.jurisdictionCountry}`, decision.id);
    const visibleAttestations = attestations.filter((attestation) => legal(attestation.personId));
    if (visibleAttestations.length > 0) ledger.add('attestations.validUntil', 'LEGAL');
    const protection = await this.protectionFollowUp(manager, caseId, legal, ledger);

    const model: CaseModel = {
      id: loaded.record.id,
      reference: loaded.record.reference,
      origin: loaded.record.origin,
      status: loaded.record.status,
      ownerOrganisationId: loaded.record.ownerOrganisationId,
      ownerCountry: loaded.record.ownerCountry,
      jurisdictionCountry: loaded.record.jurisdictionCountry,
      rescueRequestId: loaded.record.rescueRequestId,
      massIntakeId: loaded.record.massIntakeId,
      openedAt: loaded.record.openedAt,
      closedAt: loaded.record.closedAt,
      outcome: loaded.record.outcome,
      statusHistory: statusChanges.map((change) => ({
        status: change.status,
        outcome: change.outcome,
        reopenReason: change.reopenReason,
        changedByUserId: change.changedBy,
        changedByOrganisationId: change.changedByOrganisationId,
        changedAt: change.changedAt,
      })),
      ...(await this.dueTimes.view(manager, loaded.record)),
      people,
      personLinks: links.map((link) => ({
        personId: link.personId,
        relatedPersonId: link.relatedPersonId,
        relationship: link.relationship,
        recordedByOrganisationId: link.recordedByOrganisationId,
        recordedAt: link.recordedAt,
      })),
      consents: consents.map(toConsentModel),
      interviews: interviewModels,
      topicsCovered: INTERVIEW_TOPICS.filter((topic) => covered.has(topic)),
      warnings,
      screenings: screenings.map((screening) =>
        this.screeningModel(screening, visible(screening.personId), ledger),
      ),
      identificationDecisions: visibleDecisions.map((decision) => ({
        id: decision.id,
        personId: decision.personId,
        jurisdictionCountry: decision.jurisdictionCountry,
        status: decision.status,
        previousStatus: decision.previousStatus,
        authorityOrganisationId: decision.authorityOrganisationId,
        legalBasis: decision.legalBasis,
        decidedAt: decision.decidedAt,
        recognisedBy: decision.recognisedBy,
        current: latest.get(`${decision.personId}|${decision.jurisdictionCountry}`) === decision.id,
      })),
      followUpTasks: protection.followUpTasks,
      detentionRecords: protection.detentionRecords,
      attestations: visibleAttestations.map((attestation) => ({
        id: attestation.id,
        personId: attestation.personId,
        jurisdictionCountry: attestation.jurisdictionCountry,
        issuedByOrganisationId: attestation.issuedByOrganisationId,
        issuedAt: attestation.issuedAt,
        validUntil: attestation.validUntil,
        revokedAt: attestation.revokedAt,
        suspendedAt: attestation.suspendedAt,
        standing: standingOf(attestation, this.clock.now()),
        boundTo: boundTo(attestation),
      })),
    };
    await this.auditRead(manager, actor, loaded, ledger);
    return model;
  }

  // --- Protection follow-up (ADR 020): tasks and detention records are LEGAL data, shown per person. ---
  private protectionFollowUp(
    manager: EntityManager,
    caseId: string,
    legal: (personId: string) => boolean,
    ledger: ReadLedger,
  ): Promise<ProtectionFollowUpSection> {
    return this.protection.read(manager, caseId, legal, (field) => ledger.add(field, 'LEGAL'));
  }
  // --- End of protection follow-up. ---

  private personModel(
    person: PersonEntity,
    visible: ReadonlySet<DataCategory>,
    ledger: ReadLedger,
  ): PersonModel {
    // Operational facts are what every relation that may read a case sees; without them, nothing at all.
    if (!visible.has('OPERATIONAL'))
      throw caseWorkErrors.error('OPERATIONAL_NOT_VISIBLE', ACCESS_DENIED_MESSAGE);
    const view: PersonView = {
      id: person.id,
      caseId: person.caseId,
      name: person.name,
      alias: person.alias,
      nationality: person.nationality,
      gender: person.gender,
      dateOfBirth: person.dateOfBirth,
      ageBand: person.ageBand,
      minor: minorFromAgeBand(person.ageBand),
      languages: person.languages,
      immediateNeeds: person.immediateNeeds,
      pregnant: person.pregnant,
      urgentMedicalNeed: person.urgentMedicalNeed,
      medicalNotes: person.medicalNotes,
      documentType: person.documentType,
      documentNumber: person.documentNumber,
      contact: person.contact,
      narrative: person.narrative,
      sexualViolenceDisclosed: person.sexualViolenceDisclosed,
      currentLocation: person.currentLocation,
      doNotContact: person.doNotContact,
      version: person.version,
      createdAt: person.createdAt,
    };
    const decision = Object.fromEntries(
      DATA_CATEGORIES.map((category) => [category, visible.has(category) ? 'ALLOW' : 'REDACT'] as const),
    );
    const shown = redact(view, PERSON_FIELD_CATEGORIES, decision);
    for (const field of personalFields(Object.keys(view) as PersonField[])) {
      if (shown[field] !== null) ledger.add(`people.${field}`, PERSON_FIELD_CATEGORIES[field]);
    }
    const withheld = [...new Set(Object.values(PERSON_FIELD_CATEGORIES))].filter(
      (category) => !visible.has(category),
    );
    return {
      ...shown,
      id: view.id,
      caseId: view.caseId,
      ageBand: view.ageBand,
      minor: view.minor,
      possibleMinor: view.minor !== false,
      languages: view.languages,
      immediateNeeds: view.immediateNeeds,
      urgentMedicalNeed: view.urgentMedicalNeed,
      doNotContact: view.doNotContact,
      version: view.version,
      createdAt: view.createdAt,
      withheldCategories: withheld,
    };
  }

  private screeningModel(
    screening: ScreeningEntity,
    visible: ReadonlySet<DataCategory>,
    ledger: ReadLedger,
  ): ScreeningModel {
    const full = {
      suggestedOutcome: screening.suggestedOutcome,
      suggestionReasons: screening.indicators.suggestionReasons,
      confirmedOutcome: screening.confirmedOutcome,
      observations: screening.indicators.observations,
      evidenceAgainst: screening.indicators.evidenceAgainst,
      reasons: screening.reasons,
    };
    const decision = Object.fromEntries(
      DATA_CATEGORIES.map((category) => [category, visible.has(category) ? 'ALLOW' : 'REDACT'] as const),
    );
    const shown = redact(full, SCREENING_FIELD_CATEGORIES, decision);
    for (const [field, category] of Object.entries(SCREENING_FIELD_CATEGORIES)) {
      if (shown[field as keyof typeof shown] !== null) ledger.add(`screenings.${field}`, category);
    }
    return {
      id: screening.id,
      personId: screening.personId,
      screenedByOrganisationId: screening.screenedByOrganisationId,
      screenedAt: screening.screenedAt,
      ...shown,
    };
  }

  private async auditRead(
    manager: EntityManager,
    actor: AuthenticatedActor,
    loaded: AuthorisedCase,
    ledger: ReadLedger,
  ): Promise<void> {
    ledger.categories.add('OPERATIONAL');
    await this.audit.recordAudit(manager, actor, {
      action: 'case.read',
      decision: loaded.decision,
      resourceType: 'case',
      resourceId: loaded.record.id,
      categories: ledger.categories,
      fields: ledger.fields,
    });
  }
}
