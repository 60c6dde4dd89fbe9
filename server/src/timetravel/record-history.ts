/**
 * The negotiation record (shared's consensus fold) at any point of the log. It folds the record
 * streams of `$all` forward as requests need them and keeps the state every `checkpointEvery`
 * events: states are immutable with shared structure, so a checkpoint costs little, and a point
 * in the past is folded from the nearest checkpoint before it rather than from the start.
 *
 *   const history = new RecordHistory(store);
 *   const { state, position } = await history.at({ kind: 'position', position: 1200n });
 */
import {
  EventParseError,
  evolveConsensus,
  initialConsensusState,
  isPrivateStream,
  parseStoredEvent,
  type ConsensusState,
} from '@accord/shared';
import { occurredAtOf } from '../eventstore/occurred-at.js';
import type { EventFilter, EventStore } from '../eventstore/port.js';

/**
 * The streams the record is folded from: a subset of the read models' filter (no accounts,
 * sessions or comments), and never the text's updates, which are most of the log.
 */
export const recordFilter: EventFilter = {
  on: 'streamName',
  prefixes: ['negotiation-', 'document-', 'amendment-', 'positions-'],
};

export type RecordCut =
  | { kind: 'now' }
  | { kind: 'position'; position: bigint }
  /** Every event up to the first whose `occurredAt` is later than `ms` (a prefix of the log). */
  | { kind: 'time'; ms: number };

export interface FoldedRecord {
  state: ConsensusState;
  /** The last event folded; undefined when none was. */
  position: bigint | undefined;
  occurredAt: string | undefined;
  /** The latest `occurredAt` folded so far, in ms (−∞ when none). */
  latestMs: number;
}

export interface RecordHistoryOptions {
  /** Events between kept states. Default 1000. */
  checkpointEvery?: number;
}

const INITIAL: FoldedRecord = {
  state: initialConsensusState(),
  position: undefined,
  occurredAt: undefined,
  latestMs: Number.NEGATIVE_INFINITY,
};

export class RecordHistory {
  private readonly checkpoints: FoldedRecord[] = [INITIAL];
  private head: FoldedRecord = INITIAL;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly checkpointEvery: number;
  /** Stored events this code could not read, skipped (an upcaster is missing, or data is bad). */
  unreadable = 0;

  constructor(
    private readonly store: EventStore,
    options: RecordHistoryOptions = {},
  ) {
    this.checkpointEvery = options.checkpointEvery ?? 1000;
  }

  /** The record as it stood at the cut. */
  async at(cut: RecordCut): Promise<FoldedRecord> {
    const head = await this.catchUp();
    if (cut.kind === 'now') return head;
    if (cut.kind === 'position' && (head.position === undefined || cut.position >= head.position))
      return head;
    if (cut.kind === 'time' && head.latestMs <= cut.ms) return head;
    const usable = (c: FoldedRecord) =>
      cut.kind === 'position'
        ? c.position === undefined || c.position <= cut.position
        : c.latestMs <= cut.ms;
    const start = this.checkpoints.findLast(usable) ?? INITIAL;
    return this.fold(start, cut);
  }

  /** Folds whatever was appended since the last call; concurrent callers share the work. */
  catchUp(): Promise<FoldedRecord> {
    const next = this.queue.then(() => this.advance());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async advance(): Promise<FoldedRecord> {
    let sinceCheckpoint = 0;
    this.head = await this.fold(this.head, { kind: 'now' }, (folded) => {
      if (++sinceCheckpoint < this.checkpointEvery) return;
      sinceCheckpoint = 0;
      this.checkpoints.push(folded);
    });
    return this.head;
  }

  private async fold(
    from: FoldedRecord,
    cut: RecordCut,
    onEvent?: (folded: FoldedRecord) => void,
  ): Promise<FoldedRecord> {
    let folded = from;
    const fromPosition = from.position === undefined ? 'start' : from.position + 1n;
    for await (const recorded of this.store.readAll({ fromPosition, filter: recordFilter })) {
      const position = recorded.position!;
      // The filter already keeps private drafts out; this keeps them out if it ever changes.
      if (isPrivateStream(recorded.streamId)) continue;
      if (cut.kind === 'position' && position > cut.position) break;
      const time = occurredAtOf(recorded);
      if (cut.kind === 'time' && time.ms > cut.ms) break;
      let state = folded.state;
      try {
        const event = parseStoredEvent(recorded);
        state = evolveConsensus(state, event, {
          position: position.toString(),
          occurredAt: time.iso,
        });
      } catch (error) {
        if (!(error instanceof EventParseError)) throw error;
        this.unreadable += 1;
      }
      folded = {
        state,
        position,
        occurredAt: time.iso,
        latestMs: Math.max(folded.latestMs, time.ms),
      };
      onEvent?.(folded);
    }
    return folded;
  }
}
