import type { ServerResponse } from 'node:http';

import { Controller, Get, Header, Res } from '@nestjs/common';

import { Metrics } from './metrics.service.js';

/**
 * `GET /metrics` for Prometheus. Series carry counts and durations only, never personal data; still,
 * expose the path only to the monitoring network, not through the public ingress.
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  scrape(@Res({ passthrough: true }) response: ServerResponse): Promise<string> {
    response.setHeader('Content-Type', this.metrics.contentType);
    return this.metrics.render();
  }
}
