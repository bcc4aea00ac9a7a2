import { Args, GraphQLISODateTime, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, parseInput, type AuthenticatedActor } from '@passage/shared';
import {
  ConfirmArrivalInput,
  CreateRepatriationPlanInput,
  RecordFollowUpInput,
  RecordRiskAssessmentInput,
  UpdateRepatriationStepInput,
  planIdSchema,
  stageDurationsSchema,
  type ConfirmArrivalValue,
  type CreateRepatriationPlanValue,
  type RecordFollowUpValue,
  type RecordRiskAssessmentValue,
  type UpdateRepatriationStepValue,
} from './dtos/repatriation.inputs.js';
import {
  RecordRiskAssessmentPayload,
  RepatriationPlanModel,
  RepatriationPlanPayload,
  StageDurationModel,
} from './graphql/repatriation.model.js';
import { RepatriationAssignments } from './repatriation-assignments.js';
import { RepatriationPlanService } from './repatriation-plan.service.js';
import { RepatriationPlansQuery } from './repatriation-plans.query.js';
import { ReturnRiskAssessmentService } from './return-risk-assessment.service.js';
import { StageDurationsService } from './stage-durations.service.js';

@Resolver()
export class RepatriationResolver {
  constructor(
    private readonly plans: RepatriationPlanService,
    private readonly assessments: ReturnRiskAssessmentService,
    private readonly durations: StageDurationsService,
    private readonly assignments: RepatriationAssignments,
    private readonly plansQuery: RepatriationPlansQuery,
  ) {}

  @Query(() => [RepatriationPlanModel], {
    description:
      "Repatriation plans the caller's organisation works on: plans held on this node that it owns, whose case it owns, in which it owns a step, or (a coordinator) of its country; then plans held on other nodes in which it owns a step (sharedFromCountry set, operational facts only).",
  })
  repatriationPlans(@CurrentActor() actor: AuthenticatedActor) {
    return this.plansQuery.list(actor);
  }

  @Mutation(() => RecordRiskAssessmentPayload, {
    description:
      "Records a pre-return risk assessment for a person (needs the person's RETURN consent); a child needs a best-interest assessment and a guardian.",
  })
  async recordRiskAssessment(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RecordRiskAssessmentInput.type }, RecordRiskAssessmentInput.pipe)
    input: RecordRiskAssessmentValue,
  ) {
    return {
      riskAssessment: await this.assessments.record(actor, input),
    };
  }

  @Mutation(() => RepatriationPlanPayload, {
    description:
      "Creates a repatriation plan with its six steps; refused without the person's RETURN consent.",
  })
  async createRepatriationPlan(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => CreateRepatriationPlanInput.type }, CreateRepatriationPlanInput.pipe)
    input: CreateRepatriationPlanValue,
  ) {
    return { plan: await this.plans.create(actor, input) };
  }

  @Mutation(() => RepatriationPlanPayload, {
    description:
      'Moves one step (by its owner or the plan owner). Starting EXIT_CLEARANCE sends a minimal request to the immigration authority that owns the step.',
  })
  async updateRepatriationStep(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => UpdateRepatriationStepInput.type }, UpdateRepatriationStepInput.pipe)
    input: UpdateRepatriationStepValue,
  ) {
    // A plan held on another node is worked through the exchange; the policy decides on either path.
    const plan = (await this.assignments.holds(input.planId))
      ? await this.assignments.requestStepChange(actor, input)
      : await this.plans.updateStep(actor, input);
    return { plan };
  }

  @Mutation(() => RepatriationPlanPayload, {
    description:
      "Approval by the jurisdiction's coordinator: needs RETURN consent and a completed risk assessment that does not find return unsafe (and, for a child, best interest and a guardian).",
  })
  async approveRepatriationPlan(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('planId', { type: () => ID }) planId: string,
  ) {
    return { plan: await this.plans.approve(actor, parseInput(planIdSchema, planId, 'planId')) };
  }

  @Mutation(() => RepatriationPlanPayload, {
    description: 'The RECEPTION step owner confirms arrival: the plan closes and follow-ups are scheduled.',
  })
  async confirmArrival(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => ConfirmArrivalInput.type }, ConfirmArrivalInput.pipe)
    input: ConfirmArrivalValue,
  ) {
    const plan = (await this.assignments.holds(input.planId))
      ? await this.assignments.reportArrival(actor, input)
      : await this.plans.confirmArrival(actor, input);
    return { plan };
  }

  @Mutation(() => RepatriationPlanPayload, {
    description: 'Records the outcome of a reintegration follow-up.',
  })
  async recordFollowUp(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RecordFollowUpInput.type }, RecordFollowUpInput.pipe)
    input: RecordFollowUpValue,
  ) {
    const plan = (await this.assignments.holdsFollowUp(input.followUpId))
      ? await this.assignments.reportFollowUp(actor, input)
      : await this.plans.recordFollowUp(actor, input);
    return { plan };
  }

  @Query(() => [StageDurationModel], {
    description:
      'Days spent per repatriation step in plans of one country (the country left), one row per step: median, 90th percentile and plan count over completed steps (left since `since`, if given) of survivors who consented to anonymised statistics. Counted in whole calendar quarters (UTC): `since` stands for the start of its quarter, and the current quarter is counted once it ends. k-anonymity: a row resting on fewer than 5 plans is suppressed (suppressed: true, all figures null), and a quarter in which fewer than 5 plans completed a step is left out of the figures of that step in every window. Not available to immigration or the platform operator.',
  })
  stageDurations(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('country') country: string,
    @Args('since', { type: () => GraphQLISODateTime, nullable: true }) since: Date | null,
  ) {
    return this.durations.stageDurations(actor, parseInput(stageDurationsSchema, { country, since }, 'args'));
  }
}
