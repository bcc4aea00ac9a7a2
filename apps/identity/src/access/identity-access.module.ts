import { Module } from '@nestjs/common';
import { IdentityAccess } from './identity-access.js';

@Module({ providers: [IdentityAccess], exports: [IdentityAccess] })
export class IdentityAccessModule {}
