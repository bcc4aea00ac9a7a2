import { Module, type DynamicModule } from '@nestjs/common';
import { subgraphServiceImports } from '@passage/shared';
import { IDENTITY_CONFIG, type IdentityConfig } from './config/identity.config.js';
import { identityDataSourceOptions } from './database/identity-data-source.js';
import { PassageNodeModule } from './passage-node/passage-node.module.js';

/** The identity subgraph: organisations, people, sessions and tokens (issue 3), and this node's status. */
@Module({})
export class IdentityAppModule {
  static forConfig(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityAppModule,
      imports: [
        ...subgraphServiceImports({
          service: config.SERVICE_NAME,
          config,
          configToken: IDENTITY_CONFIG,
          dataSource: identityDataSourceOptions(config.DATABASE_URL),
        }),
        PassageNodeModule,
      ],
    };
  }
}
