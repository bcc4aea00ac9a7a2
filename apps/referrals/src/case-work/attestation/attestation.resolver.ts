import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, parseInput, type AuthenticatedActor } from '@passage/shared';
import { AttestationService } from './attestation.service.js';
import {
  IssueProtectionAttestationInput,
  verifyProtectionAttestationSchema,
  type IssueProtectionAttestation,
} from './dtos/attestation.inputs.js';
import {
  AttestationVerificationModel,
  IssueProtectionAttestationPayload,
} from './graphql/attestation.model.js';

@Resolver()
export class AttestationResolver {
  constructor(private readonly attestations: AttestationService) {}

  @Mutation(() => IssueProtectionAttestationPayload, {
    description: 'Issues a protection attestation; the code is returned this once only.',
  })
  issueProtectionAttestation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => IssueProtectionAttestationInput.type }, IssueProtectionAttestationInput.pipe)
    input: IssueProtectionAttestation,
  ) {
    return this.attestations.issue(actor, input);
  }

  @Query(() => AttestationVerificationModel, {
    description: 'Checks an attestation code against a document number: status, validity and issuer only.',
  })
  verifyProtectionAttestation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('code') code: string,
    @Args('documentNumber') documentNumber: string,
  ) {
    return this.attestations.verify(
      actor,
      parseInput(verifyProtectionAttestationSchema, { code, documentNumber }, 'args'),
    );
  }
}
