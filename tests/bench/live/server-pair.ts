/**
 * The servers of a run, started side by side: Accord on a fresh data directory with a
 * negotiation set up over its API, and the peers it is compared with (the bare y-websocket
 * server always; Hocuspocus and the relay when asked). Each scenario gets a new document
 * (Accord) or room (peers) so no scenario inherits another's history.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createDocument,
  createOperatorAccount,
  setUpNegotiation,
  type AccordNegotiation,
} from './accord-setup.js';
import type { Target } from './jobs.js';
import { quiet } from './orchestrate.js';
import {
  accordServer,
  baselineServer,
  canPin,
  fdLimit,
  FD_NEEDED,
  freePort,
  hocuspocusServer,
  relayServer,
  type PeerKind,
  type ServerKind,
  type ServerProcess,
} from './servers.js';

/**
 * Delegations (each with a signed-in delegate) whose sessions the clients share: 600
 * connections are 15 per delegate, within the per-person budget of 20 Accord enforces.
 */
const DELEGATES = 40;

export class ServerPair {
  private constructor(
    readonly accord: ServerProcess,
    private readonly peers: ReadonlyMap<PeerKind, ServerProcess>,
    private readonly negotiation: AccordNegotiation,
    private readonly dataDir: string,
  ) {}

  /** Accord and the bare server, plus `extraPeers` (Hocuspocus, the relay). */
  static async start(
    log: (line: string) => void,
    extraPeers: readonly Exclude<PeerKind, 'baseline'>[] = [],
    /** Environment for Accord beyond the bench's own (a suite that needs other limits). */
    accordEnv: Record<string, string> = {},
  ): Promise<ServerPair> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'accord-bench-live-'));
    await createOperatorAccount(dataDir);
    const accord = accordServer(await freePort(), dataDir, accordEnv);
    const peers = new Map<PeerKind, ServerProcess>([
      ['baseline', baselineServer(await freePort())],
    ]);
    for (const kind of extraPeers) {
      const port = await freePort();
      peers.set(
        kind,
        kind === 'hocuspocus'
          ? hocuspocusServer(port, path.join(dataDir, 'hocuspocus.sqlite'))
          : relayServer(port),
      );
    }
    await Promise.all([accord.start(), ...[...peers.values()].map((p) => p.start())]);
    const negotiation = await setUpNegotiation(accord.httpBase, DELEGATES);
    // Signing delegates in hashes passwords (argon2, 19 MiB each): start afresh so the RSS
    // figures do not carry that high-water mark. Sessions live in the store and survive.
    await accord.stop();
    await accord.start();
    log(
      `servers up: Accord, ${[...peers.keys()].join(', ')} (${canPin ? 'pinned: servers on core 0, load generator on core 1' : 'NOT pinned: taskset unavailable'}); ` +
        `Accord negotiation with ${DELEGATES} signed-in delegates`,
    );
    return new ServerPair(accord, peers, negotiation, dataDir);
  }

  /** Accord first, then its peers in the order they were asked for. */
  get kinds(): ServerKind[] {
    return ['accord', ...this.peers.keys()];
  }

  /**
   * Waits until no server is busy: all share core 0, so one still starting up or flushing a
   * backlog (Hocuspocus writing its debounced snapshot, say) would slow another's scenario down.
   */
  async quiet(): Promise<void> {
    await Promise.all(this.kinds.map((kind) => quiet(this.server(kind).pid())));
  }

  server(kind: ServerKind): ServerProcess {
    if (kind === 'accord') return this.accord;
    const peer = this.peers.get(kind);
    if (!peer) throw new Error(`${kind} was not started in this run`);
    return peer;
  }

  /** A fresh document to edit: Accord's starts with `paragraphs` paragraphs, the room empty. */
  async target(kind: ServerKind, paragraphs: number): Promise<Target> {
    if (kind !== 'accord') {
      return {
        wsBase: this.server(kind).wsBase,
        room: `bench-${randomUUID()}`,
        cookies: [],
        protocol: kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket',
      };
    }
    const documentId = await createDocument(this.accord.httpBase, this.negotiation, paragraphs);
    return {
      wsBase: this.accord.wsBase,
      room: documentId,
      cookies: this.negotiation.delegateCookies,
      protocol: 'y-websocket',
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.kinds.map((kind) => this.server(kind).stop()));
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** How the run was set up, for the results' notes. */
export function harnessNotes(): string[] {
  return [
    canPin
      ? 'Servers pinned to core 0 and the load generator to core 1 with taskset.'
      : 'taskset was not available: servers and load generator ran unpinned.',
    fdLimit >= FD_NEEDED
      ? `Open-file limit ${fdLimit}: enough, not raised.`
      : `Open-file limit ${fdLimit}: raised to ${FD_NEEDED} for the servers and the load generator (ulimit -n in a spawned shell).`,
  ];
}
