import { randomUUID } from 'node:crypto';
import type { Orm } from '../../database/orm.js';
import { onAlertEventsCommitted } from '../alerts/alert-events-signal.js';
import { PollingLoop } from '../ops/polling-loop.js';
import { webhookEventId, webhookPayload } from './webhook-payload.js';
import { webhookSignature } from './webhook-signature.js';
import { WebhookOutbox, type AttemptOutcome, type ClaimedDelivery } from './webhook-outbox.js';
import type { WebhookEndpointConfig, WebhooksConfig } from './webhooks.config.js';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Waits before each retry: about 10 hours in all, then the delivery is given up (FAILED). */
export const RETRY_DELAYS_MS: readonly number[] = [
  10 * SECOND,
  30 * SECOND,
  2 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
];

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed';

export interface DispatcherOptions {
  /** Between polls of the queue (default 1 s). */
  pollMs?: number;
  /** The wait before each retry; attempts beyond its length give up (default RETRY_DELAYS_MS). */
  retryDelaysMs?: readonly number[];
  /** Longest wait for an endpoint's answer (default 10 s). */
  timeoutMs?: number;
  /** How long a claim is held: beyond it, another dispatcher may retry the delivery (default 1 min). */
  leaseMs?: number;
  /** Deliveries claimed and sent at once (default 20). */
  batchSize?: number;
  now?: () => Date;
  /** 0-1, spreads retries over ±20% of their delay so failing endpoints are not hit in lockstep. */
  random?: () => number;
  /** Called after each attempt (for metrics). */
  onAttempt?: (endpoint: string, outcome: DeliveryOutcome) => void;
  /** Where a round that failed (e.g. the database was unreachable) is reported; it is retried at the next poll. */
  onRoundError?: (error: unknown) => void;
}

/** Polls queue only the last day's events; a full sweep from each endpoint's start catches the rest. */
const RECENT_EVENTS_MS = 24 * HOUR;
const FULL_SWEEP_EVERY_MS = 10 * MINUTE;

export interface RoundSummary {
  queued: number;
  delivered: number;
  retried: number;
  failed: number;
}

/**
 * Sends alert events to the webhook endpoints: queues the events each endpoint has no delivery of yet,
 * claims the due deliveries under a lease, POSTs them signed, and records the outcome, retrying with
 * backoff. Runs in every API process (several on one database never send a delivery twice at once) or
 * once from the command line. Delivery is at least once: a process that dies after the POST but before
 * recording it leaves the delivery to be sent again when its lease expires.
 */
export class WebhookDispatcher {
  private readonly endpoints: WebhookEndpointConfig[];
  private readonly options: Required<Omit<DispatcherOptions, 'onAttempt'>> & DispatcherOptions;
  private starts: Map<string, Date> | undefined;
  private lastFullSweep = -Infinity;
  private readonly loop: PollingLoop;

  constructor(
    private readonly orm: Orm,
    private readonly config: WebhooksConfig,
    options: DispatcherOptions = {},
  ) {
    this.endpoints = config.endpoints.filter(({ enabled }) => enabled);
    this.options = {
      pollMs: SECOND,
      retryDelaysMs: RETRY_DELAYS_MS,
      timeoutMs: 10 * SECOND,
      leaseMs: MINUTE,
      batchSize: 20,
      now: () => new Date(),
      random: Math.random,
      onRoundError: (error) => console.error('webhooks: delivery round failed:', error),
      ...options,
    };
    this.loop = new PollingLoop(
      () => this.runOnce(),
      this.options.pollMs,
      (error) => this.options.onRoundError(error),
      onAlertEventsCommitted,
    );
  }

  /** Polls until stop(), and at once whenever this process commits alert events. */
  start(): void {
    if (this.endpoints.length > 0) this.loop.start();
  }

  /** Stops polling and waits for the round in flight (its POSTs included). */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Runs a round now, or right after the one in flight. */
  nudge(): void {
    this.loop.nudge();
  }

  /** Queues what is new, then sends every due delivery until none is left. */
  async runOnce(): Promise<RoundSummary> {
    const summary: RoundSummary = { queued: 0, delivered: 0, retried: 0, failed: 0 };
    if (this.endpoints.length === 0) return summary;
    const outbox = new WebhookOutbox(this.orm.em.fork());
    const now = this.options.now();
    this.starts ??= await outbox.startPoints(
      this.endpoints.map(({ name }) => name),
      now,
    );
    const fullSweep = now.getTime() - this.lastFullSweep >= FULL_SWEEP_EVERY_MS;
    const recent = new Date(now.getTime() - RECENT_EVENTS_MS);
    for (const endpoint of this.endpoints) {
      const since = this.starts.get(endpoint.name)!;
      summary.queued += await outbox.enqueue(endpoint, fullSweep || since > recent ? since : recent, now);
    }
    if (fullSweep) this.lastFullSweep = now.getTime();
    const names = this.endpoints.map(({ name }) => name);
    for (;;) {
      const claimedBy = randomUUID();
      const { leaseMs, batchSize } = this.options;
      const claimed = await outbox.claim(names, claimedBy, this.options.now(), leaseMs, batchSize);
      if (claimed.length === 0) return summary;
      const outcomes = await Promise.all(
        claimed.map(async (delivery) => {
          const outcome = await this.attempt(delivery);
          await outbox.record(delivery, claimedBy, this.options.now(), outcome);
          const result = outcome.delivered ? 'delivered' : outcome.retryAt ? 'retry' : 'failed';
          this.options.onAttempt?.(delivery.endpoint, result);
          return result;
        }),
      );
      summary.delivered += outcomes.filter((outcome) => outcome === 'delivered').length;
      summary.retried += outcomes.filter((outcome) => outcome === 'retry').length;
      summary.failed += outcomes.filter((outcome) => outcome === 'failed').length;
    }
  }

  /** One signed POST; 2xx delivers, anything else (3xx included: redirects are not followed) fails. */
  private async attempt(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    const endpoint = this.endpoints.find(({ name }) => name === delivery.endpoint)!;
    const body = JSON.stringify(webhookPayload(delivery, endpoint, this.config.dashboardUrl));
    const timestamp = Math.floor(this.options.now().getTime() / 1000);
    let statusCode: number | null = null;
    let error: string;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'CX-Pulse-Webhooks',
          'x-cx-event-id': webhookEventId(delivery),
          'x-cx-delivery-attempt': String(delivery.attempt),
          'x-cx-signature': webhookSignature(endpoint.secret, timestamp, body),
        },
        body,
      });
      await response.body?.cancel();
      statusCode = response.status;
      if (response.ok) return { delivered: true, statusCode };
      error = `HTTP ${response.status}`;
    } catch (failure) {
      error = describeFailure(failure, this.options.timeoutMs);
    }
    return { delivered: false, statusCode, error, retryAt: this.retryAt(delivery.attempt) };
  }

  /** When to try again after attempt number `attempt` failed; null to give up. */
  private retryAt(attempt: number): Date | null {
    const delay = this.options.retryDelaysMs[attempt - 1];
    if (delay === undefined) return null;
    const jitter = 0.8 + 0.4 * this.options.random();
    return new Date(this.options.now().getTime() + Math.round(delay * jitter));
  }
}

/** A failure in one short line, without the URL (Slack and Teams webhook URLs are secrets). */
function describeFailure(failure: unknown, timeoutMs: number): string {
  const error = failure as Error & { cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
  const reason = error.cause?.code ?? error.cause?.message ?? error.message;
  return `network error: ${reason}`.slice(0, 200);
}
