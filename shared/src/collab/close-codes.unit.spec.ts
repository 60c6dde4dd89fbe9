// The browser resets to the server's copy exactly when a close says its change was refused.
import { describe, expect, it } from 'vitest';
import {
  CollabCloseCode,
  CollabCloseReason,
  isPermanentClose,
  isWriteRefused,
} from './close-codes.js';

describe('collaboration close codes', () => {
  it('treats a schema violation and a locked paragraph as permanent, refused writes', () => {
    for (const [code, reason] of [
      [CollabCloseCode.SchemaViolation, `${CollabCloseReason.SchemaViolation}: mark "bold"`],
      [CollabCloseCode.ParagraphLocked, `${CollabCloseReason.ParagraphLocked}: p1`],
    ] as const) {
      expect(isPermanentClose(code)).toBe(true);
      expect(isWriteRefused(code, reason)).toBe(true);
    }
  });

  it('keeps the earlier answers: access revoked is permanent but not a refused write', () => {
    expect(isWriteRefused(CollabCloseCode.Forbidden, CollabCloseReason.WriteRefused)).toBe(true);
    expect(isWriteRefused(CollabCloseCode.Forbidden, CollabCloseReason.AccessRevoked)).toBe(false);
    expect(isWriteRefused(CollabCloseCode.RateLimited, CollabCloseReason.RateLimited)).toBe(false);
    expect(isPermanentClose(CollabCloseCode.PersistenceFailed)).toBe(false);
  });
});
