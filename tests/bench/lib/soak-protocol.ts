// What the soak benchmark asks of its two client processes (editors, audience) and what they
// answer over the IPC channel. Shared by `suites/soak.ts` and `lib/soak-clients.ts`.

export interface EditorsJob {
  role: 'editors';
  httpBase: string;
  /** The websocket base the y-websocket provider appends `/<documentId>` to. */
  wsBase: string;
  documents: string[];
  /** One session cookie per editor (editor i writes to documents[i % documents.length]). */
  editorCookies: string[];
  /** For the read-only checker and verifier clients, one of each per document. */
  checkerCookie: string;
  updatesPerEditorPerSecond: number;
  /**
   * Characters of tokens each editor keeps in its paragraph: past it, the oldest token is deleted
   * as a new one is typed, so the text stays the size of a real draft and RSS growth shows leaks
   * rather than the text growing. 0: append only (the text grows with every edit).
   */
  textWindowChars: number;
  cursorEverySeconds: number;
  positionEverySeconds: number;
}

export interface AudienceJob {
  role: 'audience';
  httpBase: string;
  negotiationId: string;
  documents: string[];
  /** Used round robin: client i signs in as cookies[i % cookies.length]. */
  cookies: string[];
  clients: number;
  /** Clients closed and replaced by a new one per second, from the start of the load. */
  churnPerSecond: number;
}

export type SoakJob = EditorsJob | AudienceJob;

/** Event-loop delay of a client process in the steady phase, ms. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

export interface GeneratorHealth {
  loopDelay: LoopDelay;
  /** CPU of the process in the steady phase, percent of one core. */
  cpuPercent: number;
  /** How late the open-loop schedule ran, p99 ms (editors only; NaN otherwise). */
  scheduleLagP99: number;
}

export interface EditorsResult {
  role: 'editors';
  /** Edits made by the editors (each a unique token in the text). */
  sent: number;
  /** Tokens absent from the checker clients' documents after the drain. */
  missingAtChecker: number;
  /** Tokens absent from what a fresh client synced from the server at the end. */
  missingOnServer: number;
  /** A few missing tokens, to look for. */
  missingSample: string[];
  /** From the edit to its arrival at the checker, ms. */
  deliveryP50: number;
  deliveryP99: number;
  deliveryMax: number;
  /** Collaboration websockets closed after the start, by close code. */
  collabCloses: Record<string, number>;
  positionsStated: number;
  /** Failed REST requests by status (or 'network'). */
  restFailures: Record<string, number>;
  /** Characters of text in all documents at the end. */
  documentChars: number;
  health: GeneratorHealth;
}

export interface AudienceResult {
  role: 'audience';
  connected: number;
  /** Clients closed and replaced during the load (churn). */
  churned: number;
  /** 'change' notices received from the start by each client that lived through it all. */
  changesPerClient: { clients: number; min: number; median: number; max: number };
  presenceUpdates: number;
  /** socket.io disconnects after the start, by reason. */
  disconnects: Record<string, number>;
  connectErrors: Record<string, number>;
  /** Room joins refused or failed (including rejoins after a reconnect). */
  joinFailures: number;
  health: GeneratorHealth;
}

export type SoakResult = EditorsResult | AudienceResult;

export type FromSoakClients =
  | { type: 'ready'; detail: string }
  | { type: 'progress'; detail: string }
  | { type: 'result'; result: SoakResult }
  | { type: 'failed'; error: string };

/** `go`: start the load; `measure`: the steady phase starts; `stop`: drain, check and answer. */
export type ToSoakClients = { type: 'go' } | { type: 'measure' } | { type: 'stop' };
