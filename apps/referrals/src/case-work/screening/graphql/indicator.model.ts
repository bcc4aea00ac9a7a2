import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Indicator', { description: 'A screening indicator of the catalogue (UNODC or ILO).' })
export class IndicatorModel {
  @Field({ description: 'Stable code, e.g. UNODC-FC-MEANS-07 or ILO-FL-03.' })
  code: string;

  @Field({ description: 'UNODC_FORCED_CRIMINALITY or ILO_FORCED_LABOUR.' })
  framework: string;

  @Field({ description: 'ACT, MEANS or PURPOSE.' })
  element: string;

  @Field(() => [String])
  stages: string[];

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => String, { nullable: true, description: 'STRONG or MEDIUM where the source ranks it.' })
  strength: string | null;
}

@ObjectType('NeverCountsAgainstFact', { description: 'A fact that must never be held against a person.' })
export class NeverCountsAgainstFactModel {
  @Field()
  code: string;

  @Field()
  fact: string;

  @Field()
  why: string;
}

@ObjectType('IndicatorCatalogue')
export class IndicatorCatalogueModel {
  @Field(() => [IndicatorModel])
  indicators: IndicatorModel[];

  @Field(() => [NeverCountsAgainstFactModel])
  neverCountsAgainst: NeverCountsAgainstFactModel[];
}
