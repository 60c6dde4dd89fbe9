/**
 * Both servers of a run, started side by side: Accord on a fresh data directory with a
 * negotiation set up over its API, and the bare y-websocket server. Each scenario gets a new
 * document (Accord) or room (bare server) so no scenario inherits another's history.
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
  type ServerKind,
  type ServerProcess,
} from './servers.js';

/** Delegations (each with a signed-in delegate) whose sessions the clients share. */
const DELEGATES = 20;

export class ServerPair {
  private constructor(
    readonly accord: ServerProcess,
    readonly baseline: ServerProcess,
    private readonly negotiation: AccordNegotiation,
    private readonly dataDir: string,
  ) {}

  static async start(log: (line: string) => void): Promise<ServerPair> {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'accord-bench-live-'));
    await createOperatorAccount(dataDir);
    const accord = accordServer(await freePort(), dataDir);
    const baseline = baselineServer(await freePort());
    await Promise.all([accord.start(), baseline.start()]);
    const negotiation = await setUpNegotiation(accord.httpBase, DELEGATES);
    // Signing delegates in hashes passwords (argon2, 19 MiB each): start afresh so the RSS
    // figures do not carry that high-water mark. Sessions live in the store and survive.
    await accord.stop();
    await accord.start();
    log(
      `servers up (${canPin ? 'pinned: servers on core 0, load generator on core 1' : 'NOT pinned: taskset unavailable'}); ` +
        `Accord negotiation with ${DELEGATES} signed-in delegates`,
    );
    return new ServerPair(accord, baseline, negotiation, dataDir);
  }

  /**
   * Waits until neither server is busy: both share core 0, so one still starting up or
   * flushing a backlog would slow the other's scenario down.
   */
  async quiet(): Promise<void> {
    await Promise.all([quiet(this.accord.pid()), quiet(this.baseline.pid())]);
  }

  server(kind: ServerKind): ServerProcess {
    return kind === 'accord' ? this.accord : this.baseline;
  }

  /** A fresh document to edit: Accord's starts with `paragraphs` paragraphs, the room empty. */
  async target(kind: ServerKind, paragraphs: number): Promise<Target> {
    if (kind === 'baseline') {
      return { wsBase: this.baseline.wsBase, room: `bench-${randomUUID()}`, cookies: [] };
    }
    const documentId = await createDocument(this.accord.httpBase, this.negotiation, paragraphs);
    return {
      wsBase: this.accord.wsBase,
      room: documentId,
      cookies: this.negotiation.delegateCookies,
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.accord.stop(), this.baseline.stop()]);
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
