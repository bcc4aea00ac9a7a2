import { Module } from '@nestjs/common';
import { CaseModule } from '../case/case.module.js';
import { InterviewResolver } from './interview.resolver.js';
import { InterviewService } from './interview.service.js';

/** The interview log and the trauma-informed warnings built on it. */
@Module({ imports: [CaseModule], providers: [InterviewService, InterviewResolver] })
export class InterviewModule {}
