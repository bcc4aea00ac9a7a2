import { Module, type DynamicModule } from '@nestjs/common';
import { Clock, SystemClock } from './clock.js';

/** Provides the {@link Clock} everywhere; tests override the provider with a `ManualClock`. */
@Module({})
export class ClockModule {
  static forRoot(): DynamicModule {
    return {
      module: ClockModule,
      global: true,
      providers: [{ provide: Clock, useClass: SystemClock }],
      exports: [Clock],
    };
  }
}
