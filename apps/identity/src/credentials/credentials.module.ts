import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher.js';

/** One password hasher for the people who set passwords and the sessions that check them. */
@Module({
  providers: [{ provide: PasswordHasher, useValue: new PasswordHasher() }],
  exports: [PasswordHasher],
})
export class CredentialsModule {}
