/**
 * The y-websocket wire protocol (what y-protocols' sync and awareness modules and y-websocket's
 * provider speak): a varUint message type, then for sync a varUint sub-type and a
 * varUint8Array payload. Decoding is strict so a malformed message is refused whole, before
 * any of it touches a document.
 *
 *   const message = decodeClientMessage(bytes); // throws MalformedMessage
 *   socket.send(encodeSyncUpdate(update));
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const;
export const SyncMessageType = { Step1: 0, Step2: 1, Update: 2 } as const;

export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

export class MalformedMessage extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MalformedMessage';
  }
}

/** Decodes one message from a client; the payloads are validated by their own decoders later. */
export function decodeClientMessage(bytes: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(bytes);
    const message = readMessage(decoder);
    // The reference client never sends trailing bytes; accepting them would hide a framing bug.
    if (decoding.hasContent(decoder))
      throw new MalformedMessage('Trailing bytes after the message');
    return message;
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage('Undecodable message', { cause: error });
  }
}

/**
 * The kind of a client message from its first bytes only (two varUints), so that its size can
 * be judged against what that kind may carry before its payload is read or decoded.
 */
export function peekMessageKind(bytes: Uint8Array): ClientMessage['type'] {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Awareness) return 'awareness';
    if (type === MessageType.QueryAwareness) return 'query-awareness';
    if (type !== MessageType.Sync) throw new MalformedMessage(`Unknown message type ${type}`);
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SyncMessageType.Step1) return 'sync-step1';
    if (syncType === SyncMessageType.Step2) return 'sync-step2';
    if (syncType === SyncMessageType.Update) return 'sync-update';
    throw new MalformedMessage(`Unknown sync message type ${syncType}`);
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage('Undecodable message', { cause: error });
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.Sync: {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SyncMessageType.Step1) {
        // Decoding it here means a bad state vector is refused as malformed, not thrown later.
        Y.decodeStateVector(payload);
        return { type: 'sync-step1', stateVector: payload };
      }
      if (syncType === SyncMessageType.Step2) return { type: 'sync-step2', update: payload };
      if (syncType === SyncMessageType.Update) return { type: 'sync-update', update: payload };
      throw new MalformedMessage(`Unknown sync message type ${syncType}`);
    }
    case MessageType.Awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.QueryAwareness:
      return { type: 'query-awareness' };
    default:
      // Auth messages only travel from server to client.
      throw new MalformedMessage(`Unknown message type ${type}`);
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync(SyncMessageType.Step1, Y.encodeStateVector(doc));
}

/** Step 2 carries what the peer lacks: `Y.encodeStateAsUpdate(doc, theirStateVector)`. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.Step2, update);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.Update, update);
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
