/**
 * The durable scheduled step of the silence procedure. The deadline lives in the log
 * (SilenceStarted.until), not in this process: on start the scheduler reads every silence from
 * `$all` and arms a timer for each one still running, and it keeps following the log, so a
 * silence started through any node (or a restart) is armed here too. At the deadline it runs
 * `ExpireSilence` through the command service, which appends at the stream revision it read:
 *
 * - the decider ends only a running silence that is due, so an expiry after a break, a
 *   withdrawal or an earlier expiry appends nothing;
 * - the command id is derived from the silence id, so every node and every restart sends the
 *   same command: a node that finds it in the stream is answered with the first result, and a
 *   node that loses the race to append gets a concurrency conflict, re-reads, and finds it.
 *
 * So SilenceEnded{adopted} is appended once, however many nodes fire. A deadline that passed
 * while the server was down fires as soon as the scheduler starts (its lateness is measured).
 *
 *   const scheduler = new SilenceScheduler({ store, commands, logger, metrics });
 *   await scheduler.start();
 */
import { isDomainError, type Actor, type SilenceRecord } from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { derivedId } from '../../commands/event-ids.js';
import type { EventStore, RecordedEvent, Subscription } from '../../eventstore/port.js';
import type { Logger } from '../../observability/logger.js';
import type { Metrics } from '../../observability/metrics.js';
import { silenceMetrics, type SilenceMetrics } from './silence-metrics.js';

/** setTimeout cannot wait longer than this; a later deadline is re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;

interface Armed {
  documentId: string;
  silenceId: string;
  until: number;
  startedBy: SilenceRecord['startedBy'];
  timer?: NodeJS.Timeout;
  failures: number;
}

export interface SilenceSchedulerOptions {
  store: EventStore;
  commands: CommandService;
  logger: Logger;
  metrics?: Pick<Metrics, 'registry'>;
  /** The clock (tests may move it); defaults to Date.now. */
  now?: () => number;
}

/** The command id every node uses to expire this silence, so it is decided once. */
export const expiryCommandId = (silenceId: string): string => derivedId(silenceId, 'expire');

export class SilenceScheduler {
  private readonly armed = new Map<string, Armed>();
  /** Silences the log says have ended: never armed again in this run. */
  private readonly ended = new Set<string>();
  private subscription: Subscription | undefined;
  private stopped = false;
  private readonly logger: Logger;
  private readonly metrics: SilenceMetrics | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SilenceSchedulerOptions) {
    this.logger = options.logger.child({ component: 'silence-scheduler' });
    this.metrics = options.metrics ? silenceMetrics(options.metrics) : undefined;
    this.now = options.now ?? Date.now;
  }

  /** The silences armed now (for diagnostics and tests). */
  get scheduled(): number {
    return this.armed.size;
  }

  /** Reads every silence from the log and arms the running ones; resolves once caught up. */
  async start(): Promise<void> {
    this.subscribe();
    await this.subscription!.caughtUp;
  }

  /** Arms a silence's deadline now (a service that just started one need not wait for the log). */
  schedule(documentId: string, silence: Pick<SilenceRecord, 'silenceId' | 'until' | 'startedBy'>) {
    if (this.stopped || this.ended.has(silence.silenceId) || this.armed.has(silence.silenceId)) {
      return;
    }
    const entry: Armed = {
      documentId,
      silenceId: silence.silenceId,
      until: Date.parse(silence.until),
      startedBy: silence.startedBy,
      failures: 0,
    };
    this.armed.set(entry.silenceId, entry);
    this.metrics?.scheduled.set(this.armed.size);
    this.arm(entry, entry.until - this.now());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const entry of this.armed.values()) clearTimeout(entry.timer);
    this.armed.clear();
    this.metrics?.scheduled.set(0);
    await this.subscription?.close();
    this.subscription = undefined;
  }

  private subscribe(): void {
    this.subscription = this.options.store.subscribeToAll(
      {
        onEvent: (event) => this.follow(event),
        onError: (error) => {
          if (this.stopped) return;
          // Armed timers keep running; only silences started meanwhile wait for the resubscription.
          this.logger.error({ err: error }, 'silence subscription dropped; resubscribing in 1 s');
          setTimeout(() => {
            if (!this.stopped) this.subscribe();
          }, 1000).unref();
        },
      },
      { from: 'start', filter: { on: 'eventType', prefixes: ['SilenceStarted', 'SilenceEnded'] } },
    );
  }

  private follow(event: RecordedEvent): void {
    const data = event.data as { documentId: string; silenceId: string };
    if (event.type === 'SilenceEnded') {
      this.ended.add(data.silenceId);
      this.disarm(data.silenceId);
    } else if (event.type === 'SilenceStarted') {
      const { until, startedBy } = event.data as Pick<SilenceRecord, 'until' | 'startedBy'>;
      this.schedule(data.documentId, { silenceId: data.silenceId, until, startedBy });
    }
  }

  private disarm(silenceId: string): void {
    const entry = this.armed.get(silenceId);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.armed.delete(silenceId);
    this.metrics?.scheduled.set(this.armed.size);
  }

  private arm(entry: Armed, delayMs: number): void {
    if (this.stopped) return;
    const wait = Math.max(0, Math.min(delayMs, MAX_TIMER_MS));
    entry.timer = setTimeout(() => {
      if (this.stopped || this.armed.get(entry.silenceId) !== entry) return;
      const left = entry.until - this.now();
      if (left > 0) this.arm(entry, left);
      else void this.fire(entry);
    }, wait);
    // A pending deadline must not keep a CLI or a test process alive; the server runs anyway.
    entry.timer.unref();
  }

  private async fire(entry: Armed): Promise<void> {
    const at = this.now();
    const actor: Actor = { ...entry.startedBy, role: 'chair' };
    try {
      const result = await this.options.commands.execute({
        type: 'ExpireSilence',
        data: { documentId: entry.documentId, silenceId: entry.silenceId },
        // The step acts for the chair who started the silence: it carries out their procedure.
        meta: {
          commandId: expiryCommandId(entry.silenceId),
          actor,
          now: new Date(at).toISOString(),
        },
      });
      const endedHere = !result.duplicate && result.events.length > 0;
      this.metrics?.fired.inc({ result: endedHere ? 'ended' : 'already-ended' });
      if (endedHere) this.metrics?.lateness.observe(Math.max(0, at - entry.until) / 1000);
      this.logger.info(
        {
          documentId: entry.documentId,
          silenceId: entry.silenceId,
          endedHere,
          lateMs: at - entry.until,
        },
        'silence deadline reached',
      );
      this.ended.add(entry.silenceId);
      this.disarm(entry.silenceId);
    } catch (error) {
      if (this.stopped) return;
      if (isDomainError(error) && error.reason === 'silence-not-due') {
        // Our clock ran ahead of the decider's view (it reads the same clock, so only by a hair).
        this.arm(entry, Math.max(10, entry.until - this.now()));
        return;
      }
      if (isDomainError(error)) {
        // The record refuses this expiry for good (e.g. the silence is unknown): retrying won't help.
        this.logger.error(
          { documentId: entry.documentId, silenceId: entry.silenceId, err: error },
          'a silence deadline was refused; it will not be retried',
        );
        this.disarm(entry.silenceId);
        return;
      }
      entry.failures += 1;
      const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (entry.failures - 1));
      this.logger.warn(
        { documentId: entry.documentId, silenceId: entry.silenceId, err: error, retryInMs: delay },
        'could not expire a silence; retrying',
      );
      this.arm(entry, delay);
    }
  }
}
