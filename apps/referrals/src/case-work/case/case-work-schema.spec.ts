import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { isNonNullType, printSchema, type GraphQLInputObjectType, type GraphQLObjectType } from 'graphql';
import { AttestationResolver } from '../attestation/attestation.resolver.js';
import { ConsentResolver } from '../consent/consent.resolver.js';
import { DetentionResolver } from '../detention/detention.resolver.js';
import { FollowUpTaskResolver } from '../follow-up/follow-up-task.resolver.js';
import { IdentificationResolver } from '../identification/identification.resolver.js';
import { InterviewResolver } from '../interview/interview.resolver.js';
import { PersonResolver } from '../person/person.resolver.js';
import { ScreeningResolver } from '../screening/screening.resolver.js';
import { CaseResolver } from './case.resolver.js';

describe('case-work GraphQL schema', () => {
  it('builds, with the operation names of the public contract', async () => {
    const module = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
    const schema = await module
      .get(GraphQLSchemaFactory)
      .create([
        CaseResolver,
        PersonResolver,
        ConsentResolver,
        InterviewResolver,
        ScreeningResolver,
        IdentificationResolver,
        AttestationResolver,
        FollowUpTaskResolver,
        DetentionResolver,
      ]);
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {}).sort()).toEqual(
      ['case', 'cases', 'indicatorCatalogue', 'personHistory', 'verifyProtectionAttestation'].sort(),
    );
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).sort()).toEqual(
      [
        'changePenaltyStatus',
        'completeFollowUpTask',
        'correctDetention',
        'declineFollowUpTask',
        'addPersonToCase',
        'closeCase',
        'issueProtectionAttestation',
        'openCase',
        'reassignFollowUpTask',
        'recordDetention',
        'recordNonPunishmentNotice',
        'recordNonPunishmentNoticeEffect',
        'recordPenalty',
        'releaseFromDetention',
        'recordConsent',
        'recordIdentificationDecision',
        'recordInterview',
        'recordScreening',
        'registerMassIntake',
        'reopenCase',
        'updatePerson',
        'reinstateProtectionAttestation',
        'revokeProtectionAttestation',
        'suspendProtectionAttestation',
        'withdrawConsent',
      ].sort(),
    );
    expect(printSchema(schema)).toContain('AGE_14_17');
    // An update leaves out what it does not change: every field but the ids is optional.
    const update = schema.getType('UpdatePersonInput') as GraphQLInputObjectType;
    const required = Object.values(update.getFields()).filter((field) => isNonNullType(field.type));
    expect(required.map((field) => field.name).sort()).toEqual(['caseId', 'personId']);
    // A verification answers status, validity and issuer, and nothing else.
    const verification = schema.getType('AttestationVerification') as GraphQLObjectType;
    expect(Object.keys(verification.getFields()).sort()).toEqual(['issuedBy', 'status', 'validUntil']);
    // A case lists attestations without their codes.
    const summary = schema.getType('AttestationSummary') as GraphQLObjectType;
    expect(Object.keys(summary.getFields())).not.toContain('code');
  });
});
