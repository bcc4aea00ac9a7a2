import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { INDICATORS, NEVER_COUNTS_AGAINST_FACTS } from '@passage/schemas';
import { CurrentActor, type AuthenticatedActor } from '@passage/shared';
import { CasePayload } from '../case/graphql/case.model.js';
import { RecordScreeningInput, type RecordScreening } from './dtos/screening.inputs.js';
import { IndicatorCatalogueModel } from './graphql/indicator.model.js';
import { ScreeningService } from './screening.service.js';

@Resolver()
export class ScreeningResolver {
  constructor(private readonly screenings: ScreeningService) {}

  @Query(() => IndicatorCatalogueModel, {
    description:
      'The screening indicators (reference data, no personal data) and the facts that never count against a person.',
  })
  indicatorCatalogue(): IndicatorCatalogueModel {
    return {
      indicators: INDICATORS.map((indicator) => ({
        code: indicator.code,
        framework: indicator.framework,
        element: indicator.element,
        stages: [...indicator.stages],
        title: indicator.title,
        description: indicator.description,
        strength: indicator.strength ?? null,
      })),
      neverCountsAgainst: NEVER_COUNTS_AGAINST_FACTS.map((fact) => ({ ...fact })),
    };
  }

  @Mutation(() => CasePayload, {
    description: 'Records a screening; the suggested outcome comes from the shared rule.',
  })
  async recordScreening(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RecordScreeningInput.type }, RecordScreeningInput.pipe)
    input: RecordScreening,
  ) {
    return { case: await this.screenings.recordScreening(actor, input) };
  }
}
