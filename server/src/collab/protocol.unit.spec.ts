// The y-websocket framing, decoded strictly.
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  decodeClientMessage,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  MalformedMessage,
  MessageType,
} from './protocol.js';

describe('protocol', () => {
  it('decodes what it encodes, as y-protocols frames it', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hi');
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeSyncStep1(doc))).toEqual({
      type: 'sync-step1',
      stateVector: Y.encodeStateVector(doc),
    });
    expect(decodeClientMessage(encodeSyncStep2(update))).toEqual({ type: 'sync-step2', update });
    expect(decodeClientMessage(encodeSyncUpdate(update))).toEqual({ type: 'sync-update', update });
    expect(decodeClientMessage(encodeAwarenessMessage(new Uint8Array([0])))).toEqual({
      type: 'awareness',
      update: new Uint8Array([0]),
    });
    expect(decodeClientMessage(new Uint8Array([MessageType.QueryAwareness]))).toEqual({
      type: 'query-awareness',
    });
  });

  it.each([
    ['empty', []],
    ['unknown type', [9]],
    ['auth from a client', [MessageType.Auth, 0]],
    ['unknown sync type', [MessageType.Sync, 5, 0]],
    ['truncated payload', [MessageType.Sync, 2, 10, 1]],
    ['trailing bytes', [MessageType.QueryAwareness, 0]],
    ['bad state vector', [MessageType.Sync, 0, 2, 1, 200]],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodeClientMessage(new Uint8Array(bytes))).toThrow(MalformedMessage);
  });

  it('frames with lib0 varUints', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, new Uint8Array([0, 0]));
    expect(encodeSyncUpdate(new Uint8Array([0, 0]))).toEqual(encoding.toUint8Array(encoder));
  });
});
