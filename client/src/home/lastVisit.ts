// "Since your last visit": when the user last looked at a negotiation's overview, kept per
// negotiation in localStorage. The time of the visit before this one stays fixed while the
// overview is open; the new time is written when the user leaves it.
import { useEffect, useState } from 'react';

const key = (negotiationId: string) => `accord:last-visit:${negotiationId}`;

export function readLastVisit(storage: Storage, negotiationId: string): string | null {
  try {
    const value = storage.getItem(key(negotiationId));
    return value && !Number.isNaN(Date.parse(value)) ? value : null;
  } catch {
    return null; // storage disabled (private mode, policy): every visit is a first one
  }
}

export function writeLastVisit(storage: Storage, negotiationId: string, at: Date): void {
  try {
    storage.setItem(key(negotiationId), at.toISOString());
  } catch {
    // Nothing to do: without storage there is no "since your last visit".
  }
}

/** The previous visit's time (null on a first visit); records this visit when leaving. */
export function useLastVisit(negotiationId: string): string | null {
  const [previous] = useState(() => readLastVisit(window.localStorage, negotiationId));
  useEffect(() => {
    const record = () => writeLastVisit(window.localStorage, negotiationId, new Date());
    window.addEventListener('pagehide', record);
    return () => {
      window.removeEventListener('pagehide', record);
      record();
    };
  }, [negotiationId]);
  return previous;
}
