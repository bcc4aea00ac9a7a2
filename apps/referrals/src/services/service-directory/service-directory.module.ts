import { Module } from '@nestjs/common';
import { CaseModule } from '../../case-work/case/case.module.js';
import { ServiceDirectoryRepository } from './service-directory.repository.js';
import { ServiceDirectoryResolver } from './service-directory.resolver.js';
import { ServiceDirectoryService } from './service-directory.service.js';

/** The services directory: providers' own listings, searched by the needs of a case. */
@Module({
  imports: [CaseModule],
  providers: [
    { provide: ServiceDirectoryRepository, useValue: new ServiceDirectoryRepository() },
    ServiceDirectoryService,
    ServiceDirectoryResolver,
  ],
  exports: [ServiceDirectoryService],
})
export class ServiceDirectoryModule {}
