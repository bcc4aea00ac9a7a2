import { Module } from '@nestjs/common';
import { NodeStatusAccess } from './node-status-access.js';
import { PassageNodeResolver } from './passage-node.resolver.js';

@Module({ providers: [NodeStatusAccess, PassageNodeResolver] })
export class PassageNodeModule {}
