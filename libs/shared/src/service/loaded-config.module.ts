import { Module, type DynamicModule } from '@nestjs/common';

/** Makes an app's validated config injectable everywhere under `token`; it was loaded once in main.ts. */
@Module({})
export class LoadedConfigModule {
  static provide(token: symbol, config: object): DynamicModule {
    return {
      module: LoadedConfigModule,
      global: true,
      providers: [{ provide: token, useValue: config }],
      exports: [token],
    };
  }
}
