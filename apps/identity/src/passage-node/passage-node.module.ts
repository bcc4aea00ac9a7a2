import { Module } from '@nestjs/common';
import { PassageNodeResolver } from './passage-node.resolver.js';

/** This node's status: which countries it keeps data for, and how the identity service is doing. */
@Module({ providers: [PassageNodeResolver] })
export class PassageNodeModule {}
