import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module.js';
import { ScreeningResolver } from './screening.resolver.js';
import { ScreeningService } from './screening.service.js';

/** Screening against the indicator catalogue. */
@Module({ imports: [CaseModule], providers: [ScreeningService, ScreeningResolver] })
export class ScreeningModule {}
