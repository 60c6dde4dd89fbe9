// One document's live text in this tab: a Y.Doc, the awareness (carets, who is here) and the
// y-websocket provider that syncs them with /collab/<documentId> using the session cookie. It
// tracks what the connection indicator shows: connecting, synced, reconnecting, offline (with
// how many local changes are not sent yet), or stopped by the server with a close code.
//
//   const session = new CollabSession(documentId);
//   session.start(); session.subscribe(() => render(session.getSnapshot())); session.stop();
import { isPermanentClose, sendOwnAwarenessOnly } from '@accord/shared';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SkippedItems } from '../skippedItems.js';
import { guardAwareness } from './awarenessGuard.js';

export type CollabState =
  | { kind: 'connecting' }
  | { kind: 'synced' }
  | { kind: 'reconnecting' }
  | { kind: 'offline' }
  | { kind: 'stopped'; code: number; reason: string };

export interface CollabSnapshot {
  state: CollabState;
  /** The text has been received at least once: the editor can show it. */
  everSynced: boolean;
  /** Local changes made while disconnected, sent on the next sync. */
  unsent: number;
}

export function collabUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

export class CollabSession {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  /** What the page could not draw for this document (bad carets, presence, decorations). */
  readonly skipped = new SkippedItems();
  // Registered before any editor or list listens, so they only see checked states.
  private readonly unguard = guardAwareness(this.awareness, this.skipped);
  private provider: WebsocketProvider | null = null;
  /** Puts the provider's awareness listener back, so that its destroy() takes it off. */
  private restoreAwareness: (() => void) | null = null;
  private synced = false;
  private everSynced = false;
  private unsent = 0;
  private stopped: { code: number; reason: string } | null = null;
  /** Whether this tab's changes to the text go to the server (see setCanWrite). */
  private canWrite = true;
  private online = typeof navigator === 'undefined' ? true : navigator.onLine;
  private snapshot: CollabSnapshot = {
    state: { kind: 'connecting' },
    everSynced: false,
    unsent: 0,
  };
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly documentId: string,
    private readonly url: string = collabUrl(),
  ) {
    this.doc.on('update', this.onDocUpdate);
  }

  /** Connects (again); a provider per start, so a stop leaves no timers behind. */
  start(): void {
    if (this.provider) return;
    const provider = new WebsocketProvider(this.url, this.documentId, this.doc, {
      awareness: this.awareness,
      disableBc: true,
      shouldReconnect: (event) => !isPermanentClose(event.code),
    });
    provider.on('sync', (synced: boolean) => {
      this.synced = synced;
      if (synced) {
        this.everSynced = true;
        this.unsent = 0;
      }
      this.publish();
    });
    provider.on('status', () => this.publish());
    provider.on('closed', ({ code, reason }: { code: number; reason: string }) => {
      this.stopped = { code, reason };
      this.synced = false;
      this.publish();
    });
    this.provider = provider;
    if (!this.canWrite) this.doc.off('update', provider._updateHandler);
    // The provider would also echo every change to others' states (`ownAwarenessChanges` in
    // shared says why not).
    this.restoreAwareness = sendOwnAwarenessOnly(provider);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.publish();
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.restoreAwareness?.();
    this.restoreAwareness = null;
    this.provider?.destroy();
    this.provider = null;
    this.synced = false;
  }

  /**
   * A reader's tab sends no changes of the text. The editor changes its copy on its own when it
   * meets an element it cannot show (it deletes it); from a reader the server would refuse that
   * write and close the connection for good, so one hostile element would lock every observer
   * out. Kept local, the reader just does not see the element.
   */
  setCanWrite(canWrite: boolean): void {
    if (this.canWrite === canWrite) return;
    this.canWrite = canWrite;
    if (!this.provider) return;
    if (canWrite) this.doc.on('update', this.provider._updateHandler);
    else this.doc.off('update', this.provider._updateHandler);
  }

  /** Forgets the document for good (after stop). */
  destroy(): void {
    this.stop();
    this.doc.off('update', this.onDocUpdate);
    this.unguard();
    this.awareness.destroy();
    this.doc.destroy();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): CollabSnapshot => this.snapshot;

  private readonly onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    // Updates from the server arrive with the provider as origin; everything else is ours.
    if (this.provider !== null && origin === this.provider) return;
    if (this.provider?.wsconnected) return;
    this.unsent++;
    this.publish();
  };

  private readonly onOnline = (): void => {
    this.online = true;
    this.publish();
  };

  private readonly onOffline = (): void => {
    this.online = false;
    this.publish();
  };

  private state(): CollabState {
    if (this.stopped) return { kind: 'stopped', ...this.stopped };
    if (!this.online) return { kind: 'offline' };
    if (this.synced) return { kind: 'synced' };
    return this.everSynced ? { kind: 'reconnecting' } : { kind: 'connecting' };
  }

  private publish(): void {
    const next: CollabSnapshot = {
      state: this.state(),
      everSynced: this.everSynced,
      unsent: this.unsent,
    };
    const same = JSON.stringify(next) === JSON.stringify(this.snapshot);
    if (same) return;
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }
}
