import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, parseInput, type AuthenticatedActor } from '@passage/shared';
import { AttestationStandingService } from './attestation-standing.service.js';
import { AttestationService } from './attestation.service.js';
import {
  IssueProtectionAttestationInput,
  ReinstateProtectionAttestationInput,
  RevokeProtectionAttestationInput,
  SuspendProtectionAttestationInput,
  verifyProtectionAttestationSchema,
  type IssueProtectionAttestation,
  type ReinstateProtectionAttestation,
  type RevokeProtectionAttestation,
  type SuspendProtectionAttestation,
} from './dtos/attestation.inputs.js';
import {
  AttestationVerificationModel,
  IssueProtectionAttestationPayload,
  ProtectionAttestationStandingModel,
} from './graphql/attestation.model.js';

@Resolver()
export class AttestationResolver {
  constructor(
    private readonly attestations: AttestationService,
    private readonly standing: AttestationStandingService,
  ) {}

  @Mutation(() => IssueProtectionAttestationPayload, {
    description:
      'Issues a protection attestation, bound to the person’s document, or without one to the date of birth and a holder PIN; the code and PIN are returned this once only.',
  })
  issueProtectionAttestation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => IssueProtectionAttestationInput.type }, IssueProtectionAttestationInput.pipe)
    input: IssueProtectionAttestation,
  ) {
    return this.attestations.issue(actor, input);
  }

  @Mutation(() => ProtectionAttestationStandingModel, {
    description:
      'The coordinator suspends an attestation: verification answers SUSPENDED until it is reinstated or revoked.',
  })
  suspendProtectionAttestation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args(
      'input',
      { type: () => SuspendProtectionAttestationInput.type },
      SuspendProtectionAttestationInput.pipe,
    )
    input: SuspendProtectionAttestation,
  ) {
    return this.standing.suspend(actor, input);
  }

  @Mutation(() => ProtectionAttestationStandingModel, {
    description:
      'The coordinator lifts a suspension, while the identification decision still grants protection.',
  })
  reinstateProtectionAttestation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args(
      'input',
      { type: () => ReinstateProtectionAttestationInput.type },
      ReinstateProtectionAttestationInput.pipe,
    )
    input: ReinstateProtectionAttestation,
  ) {
    return this.standing.reinstate(actor, input);
  }

  @Mutation(() => ProtectionAttestationStandingModel, {
    description: 'The coordinator revokes an attestation for good: verification answers REVOKED.',
  })
  revokeProtectionAttestation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args(
      'input',
      { type: () => RevokeProtectionAttestationInput.type },
      RevokeProtectionAttestationInput.pipe,
    )
    input: RevokeProtectionAttestation,
  ) {
    return this.standing.revoke(actor, input);
  }

  @Query(() => AttestationVerificationModel, {
    description:
      'Checks an attestation code against exactly one of what its holder shows or says (the document number, the date of birth or the holder PIN): status, validity and issuer only.',
  })
  verifyProtectionAttestation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('code') code: string,
    @Args('documentNumber', { type: () => String, nullable: true }) documentNumber: string | null,
    @Args('dateOfBirth', { type: () => String, nullable: true, description: 'YYYY-MM-DD.' })
    dateOfBirth: string | null,
    @Args('holderPin', {
      type: () => String,
      nullable: true,
      description: 'The six digits printed beside the code.',
    })
    holderPin: string | null,
  ) {
    return this.attestations.verify(
      actor,
      parseInput(verifyProtectionAttestationSchema, { code, documentNumber, dateOfBirth, holderPin }, 'args'),
    );
  }
}
