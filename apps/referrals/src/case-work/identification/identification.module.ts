import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module.js';
import { IdentificationResolver } from './identification.resolver.js';
import { IdentificationService } from './identification.service.js';

/** Identification decisions per jurisdiction and the follow-up tasks protection brings. */
@Module({ imports: [CaseModule], providers: [IdentificationService, IdentificationResolver] })
export class IdentificationModule {}
