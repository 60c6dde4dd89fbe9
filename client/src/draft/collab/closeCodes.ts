// The collaboration websocket's close codes that the browser acts on, as the server names them
// (server/src/collab/close-codes.ts, which imports nothing and is meant to move to shared/; until
// then these numbers are the protocol both sides document).
export const CloseCode = {
  GoingAway: 1001,
  MessageTooBig: 1009,
  InternalError: 1011,
  TryAgainLater: 1013,
  MalformedMessage: 4400,
  SessionEnded: 4401,
  Forbidden: 4403,
  DocumentNotFound: 4404,
  UpdateTooLarge: 4413,
  RateLimited: 4429,
  PersistenceFailed: 4500,
} as const;

/** Reconnecting cannot help: the server decided (4400–4499), or the same message would be too big. */
export function isPermanentClose(code: number): boolean {
  return (code >= 4400 && code < 4500) || code === CloseCode.MessageTooBig;
}

/** A refused write: the local copy holds a change the server will never take. */
export const isWriteRefused = (code: number, reason: string): boolean =>
  code === CloseCode.Forbidden && reason.startsWith('write-refused');
