import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module.js';
import { ConsentResolver } from './consent.resolver.js';
import { ConsentService } from './consent.service.js';

/** Consent per person and purpose, revocable at any time. */
@Module({ imports: [CaseModule], providers: [ConsentService, ConsentResolver] })
export class ConsentModule {}
