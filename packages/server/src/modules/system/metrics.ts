import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../../db/client.js';
import type { Scheduler } from '../../jobs/scheduler.js';

// Process metrics (CPU, memory, event loop, GC) describe the process, not one app: collected once.
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export interface Metrics {
  observe(req: FastifyRequest, reply: FastifyReply): void;
  text(): Promise<string>;
  contentType: string;
}

/** The operator's view in the Prometheus text format: requests, job runs, whether the database answers. */
export function createMetrics(database: Database, scheduler: Scheduler | undefined): Metrics {
  const registry = new Registry();
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'daihoi_http_requests_total',
    help: 'HTTP requests answered, by route pattern and status',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'daihoi_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'daihoi_job_runs_total',
    help: 'Scheduled job runs made by this instance, by job and outcome',
    labelNames: ['job', 'status'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'daihoi_db_up',
    help: '1 when the database answers a query within 2 s, else 0',
    labelNames: ['database'] as const,
    registers: [registry],
    async collect() {
      const ping = database.db.execute(sql`SELECT 1`).then(
        () => 1,
        () => 0,
      );
      const timeout = new Promise<number>((r) => setTimeout(() => r(0), 2000).unref());
      this.set({ database: database.kind }, await Promise.race([ping, timeout]));
    },
  });
  scheduler?.onRun((e) => jobRuns.inc({ job: e.job, status: e.status }));
  for (const j of scheduler?.jobs() ?? []) {
    jobRuns.inc({ job: j.name, status: 'ok' }, 0);
    jobRuns.inc({ job: j.name, status: 'failed' }, 0);
  }

  return {
    contentType: registry.contentType,
    observe(req, reply) {
      // The route pattern, never the raw URL: ids in paths would make a series per record.
      const labels = {
        method: req.method,
        route: req.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
      };
      requests.inc(labels);
      duration.observe(labels, reply.elapsedTime / 1000);
    },
    async text() {
      return `${await processMetrics().metrics()}\n${await registry.metrics()}`;
    },
  };
}
