import { Module } from '@nestjs/common';
import { PassageNodeResolver } from './passage-node.resolver.js';

@Module({ providers: [PassageNodeResolver] })
export class PassageNodeModule {}
