/**
 * The few y-websocket messages a receive-only benchmark client needs, encoded by hand: lib0's
 * variable-length integers and strings, the sync handshake and awareness updates. A raw client
 * costs the load generator far less than a Y.Doc, so 190 of them fit beside the measuring ones.
 */

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const SYNC_STEP1 = 0;
export const SYNC_STEP2 = 1;
export const SYNC_UPDATE = 2;

export class Writer {
  private readonly bytes: number[] = [];
  varUint(value: number): this {
    let n = value;
    while (n > 0x7f) {
      this.bytes.push(0x80 | (n & 0x7f));
      n = Math.floor(n / 128);
    }
    this.bytes.push(n);
    return this;
  }
  varBytes(data: Uint8Array): this {
    this.varUint(data.length);
    for (const b of data) this.bytes.push(b);
    return this;
  }
  varString(text: string): this {
    return this.varBytes(Buffer.from(text, 'utf8'));
  }
  toBuffer(): Buffer {
    return Buffer.from(this.bytes);
  }
}

export class Reader {
  pos = 0;
  constructor(readonly data: Uint8Array) {}
  varUint(): number {
    let value = 0;
    let multiplier = 1;
    for (;;) {
      const byte = this.data[this.pos++];
      if (byte === undefined) throw new Error('message ended inside an integer');
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 128;
    }
  }
  varBytes(): Uint8Array {
    const length = this.varUint();
    const start = this.pos;
    this.pos += length;
    return this.data.subarray(start, this.pos);
  }
  varString(): string {
    const bytes = this.varBytes();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
}

/** Sync step 1 with an empty state vector: "send me everything". */
export const syncStep1Empty: Buffer = new Writer()
  .varUint(MESSAGE_SYNC)
  .varUint(SYNC_STEP1)
  .varBytes(Uint8Array.of(0))
  .toBuffer();

/** Sync step 2 carrying an empty update (no structs, no deletions): the answer of a client with nothing. */
export const syncStep2Empty: Buffer = new Writer()
  .varUint(MESSAGE_SYNC)
  .varUint(SYNC_STEP2)
  .varBytes(Uint8Array.of(0, 0))
  .toBuffer();

/** An awareness message with one client's state. */
export function awarenessMessage(clientId: number, clock: number, state: unknown): Buffer {
  const update = new Writer()
    .varUint(1)
    .varUint(clientId)
    .varUint(clock)
    .varString(JSON.stringify(state))
    .toBuffer();
  return new Writer().varUint(MESSAGE_AWARENESS).varBytes(update).toBuffer();
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  json: string;
}

/** The entries of an awareness message's update (after its type byte has been read). */
export function readAwarenessEntries(reader: Reader): AwarenessEntry[] {
  const update = new Reader(reader.varBytes());
  const count = update.varUint();
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    entries.push({ clientId: update.varUint(), clock: update.varUint(), json: update.varString() });
  }
  return entries;
}

/**
 * Every benchmark edit carries a marker ⟨writer.sequence@sentAt⟩; Yjs keeps inserted strings
 * whole in its binary updates, so counting the marker's first UTF-8 bytes counts the edits a
 * message carries without decoding it (merged updates carry several).
 */
export const MARKER_OPEN = Buffer.from('⟨', 'utf8');
const MARKER_CLOSE = Buffer.from('⟩', 'utf8');
const AT = '@'.charCodeAt(0);

/** The send times (performance.now() of the writer) of the markers in a Yjs update. */
export function markerSendTimes(update: Uint8Array): number[] {
  const data = Buffer.from(update.buffer, update.byteOffset, update.byteLength);
  const times: number[] = [];
  let at = data.indexOf(MARKER_OPEN);
  while (at !== -1) {
    const end = data.indexOf(MARKER_CLOSE, at);
    if (end === -1) break;
    const sign = data.indexOf(AT, at);
    if (sign !== -1 && sign < end) times.push(Number(data.toString('latin1', sign + 1, end)));
    at = data.indexOf(MARKER_OPEN, end);
  }
  return times;
}

export function countMarkers(data: Buffer): number {
  let count = 0;
  let at = data.indexOf(MARKER_OPEN);
  while (at !== -1) {
    count += 1;
    at = data.indexOf(MARKER_OPEN, at + MARKER_OPEN.length);
  }
  return count;
}
