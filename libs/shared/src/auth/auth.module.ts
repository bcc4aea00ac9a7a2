import {
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type InjectionToken,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { CodedErrorFilter } from '../errors/coded-error.filter.js';
import { KafkajsMessageBus } from '../messaging/kafkajs-message-bus.js';
import { AccessTokenVerifier } from './access-token-verifier.js';
import { BearerStrategy } from './bearer.strategy.js';
import { GraphqlAuthGuard } from './graphql-auth.guard.js';
import { RevocationFeed } from './revocation-feed.js';
import { RevocationList } from './revocation-list.js';

export interface AuthModuleOptions {
  service: string;
  nodeId: string;
  kafkaBrokers: readonly string[];
  kafkaClientId: string;
  /** Where identity publishes its key set; or `keySetToken` for identity itself, which holds the keys. */
  jwksUrl?: string;
  keySetToken?: InjectionToken;
  /** Guard every GraphQL operation (subgraphs); the gateway authenticates in a middleware instead. */
  guardGraphql: boolean;
}

const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
const REVOCATION_FEED = Symbol('REVOCATION_FEED');

/** Runs the revocation feed for the life of the app, retrying until Kafka answers. */
@Injectable()
class RevocationFeedLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RevocationFeed');
  private stopping = false;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(REVOCATION_FEED) private readonly feed: { feed: RevocationFeed; bus: KafkajsMessageBus },
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.startWhenKafkaAnswers();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running;
    await this.feed.feed.stop();
    await this.feed.bus.disconnect();
  }

  private async startWhenKafkaAnswers(): Promise<void> {
    let delay = 500;
    while (!this.stopping) {
      try {
        await this.feed.bus.ensureTopics([{ name: this.feed.feed.topic(), partitions: 3 }]);
        await this.feed.feed.start();
        return;
      } catch (error) {
        this.logger.warn(`cannot read revocations yet, retrying in ${delay} ms: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 15_000);
      }
    }
  }
}

/**
 * Authentication for a Passage service: access tokens verified locally against identity's key set and
 * the revocation list fed from Kafka, the `bearer` Passport strategy, and (for subgraphs) a guard on
 * every GraphQL operation plus the filter that turns coded errors into GraphQL errors.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const keySetToken = options.keySetToken ?? Symbol('REMOTE_KEY_SET');
    return {
      module: AuthModule,
      global: true,
      imports: [PassportModule],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        RevocationList,
        ...(options.keySetToken
          ? []
          : [
              {
                provide: keySetToken,
                useFactory: (): JWTVerifyGetKey =>
                  createRemoteJWKSet(new URL(requireJwksUrl(options)), {
                    cooldownDuration: 10_000,
                    cacheMaxAge: 600_000,
                  }),
              },
            ]),
        {
          provide: AccessTokenVerifier,
          inject: [keySetToken, RevocationList],
          useFactory: (keys: JWTVerifyGetKey, revocations: RevocationList) =>
            new AccessTokenVerifier(keys, revocations, options.nodeId),
        },
        {
          provide: REVOCATION_FEED,
          inject: [RevocationList],
          useFactory: (list: RevocationList) => {
            const bus = new KafkajsMessageBus({
              brokers: options.kafkaBrokers,
              clientId: `${options.kafkaClientId}-${options.service}-revocations`,
            });
            return {
              bus,
              feed: new RevocationFeed(bus, list, { nodeId: options.nodeId, service: options.service }),
            };
          },
        },
        RevocationFeedLifecycle,
        BearerStrategy,
        ...(options.guardGraphql
          ? [
              { provide: APP_GUARD, useClass: GraphqlAuthGuard },
              { provide: APP_FILTER, useClass: CodedErrorFilter },
            ]
          : []),
      ],
      exports: [AccessTokenVerifier, RevocationList],
    };
  }
}

function requireJwksUrl(options: AuthModuleOptions): string {
  if (!options.jwksUrl) throw new Error('AuthModule needs jwksUrl or keySetToken');
  return options.jwksUrl;
}
