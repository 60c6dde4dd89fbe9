// What an append may carry: the size limit to the byte, ids, types and metadata.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppendTooLarge } from '../errors.js';
import { MAX_APPEND_SIZE } from '../port.js';
import { encodeEvents } from './encode-events.js';

const bytes = (n: number) => new Uint8Array(n);

describe('encodeEvents', () => {
  it('accepts exactly MAX_APPEND_SIZE bytes and refuses one more', () => {
    expect(() => encodeEvents('s', [{ type: 'T', data: bytes(MAX_APPEND_SIZE) }])).not.toThrow();
    expect(() => encodeEvents('s', [{ type: 'T', data: bytes(MAX_APPEND_SIZE + 1) }])).toThrow(
      AppendTooLarge,
    );
  });

  it('counts metadata and JSON text as UTF-8 bytes', () => {
    const metadata = { k: 'x' };
    const metadataBytes = Buffer.byteLength(JSON.stringify(metadata));
    const data = bytes(MAX_APPEND_SIZE - metadataBytes);
    expect(() => encodeEvents('s', [{ type: 'T', data, metadata }])).not.toThrow();
    const error = (() => {
      try {
        encodeEvents('s', [{ type: 'T', data: bytes(MAX_APPEND_SIZE - 2), metadata }]);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toMatchObject({
      size: MAX_APPEND_SIZE - 2 + metadataBytes,
      limit: MAX_APPEND_SIZE,
      stream: 's',
    });
    // '€' is three bytes in UTF-8 though one UTF-16 unit.
    const text = '€'.repeat(Math.ceil(MAX_APPEND_SIZE / 3));
    expect(() => encodeEvents('s', [{ type: 'T', data: text }])).toThrow(AppendTooLarge);
  });

  it('keeps JSON as text and bytes as bytes, lower-casing ids', () => {
    const id = randomUUID().toUpperCase();
    const [json, binary] = encodeEvents('s', [
      { id, type: 'J', data: { a: 1 } },
      { type: 'B', data: Uint8Array.of(1, 2, 3), metadata: { m: true } },
    ]);
    expect(json).toMatchObject({
      id: id.toLowerCase(),
      data: '{"a":1}',
      isJson: true,
      metadata: '{}',
    });
    expect(binary?.isJson).toBe(false);
    expect(Array.from(binary?.data as Buffer)).toEqual([1, 2, 3]);
    expect(binary?.metadata).toBe('{"m":true}');
  });

  it('refuses what EventStoreDB would refuse or what cannot be stored', () => {
    expect(() => encodeEvents('', [{ type: 'T', data: 1 }])).toThrow(TypeError);
    expect(() => encodeEvents('s', [{ id: 'not-a-uuid', type: 'T', data: 1 }])).toThrow(TypeError);
    expect(() => encodeEvents('s', [{ type: '', data: 1 }])).toThrow(TypeError);
    const id = randomUUID();
    expect(() =>
      encodeEvents('s', [
        { id, type: 'T', data: 1 },
        { id, type: 'T', data: 2 },
      ]),
    ).toThrow(TypeError);
    // A caller outside TypeScript may pass undefined data or array metadata.
    expect(() => encodeEvents('s', [{ type: 'T', data: undefined as unknown as number }])).toThrow(
      TypeError,
    );
    expect(() =>
      encodeEvents('s', [{ type: 'T', data: 1, metadata: [] as unknown as Record<string, never> }]),
    ).toThrow(TypeError);
  });
});
