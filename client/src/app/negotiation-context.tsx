// What every screen inside a negotiation shares: the negotiation with its stakeholders, who the
// user acts as, and who is online — loaded once by the negotiation's layout.
import type { PresenceEntry } from '@accord/shared';
import { createContext, useContext } from 'react';
import type { Negotiation, Stakeholder } from '../api/types.js';

export interface NegotiationContextValue {
  negotiation: Negotiation;
  stakeholders: ReadonlyMap<string, Stakeholder>;
  /** The stakeholder the user acts for. */
  mine: Stakeholder | undefined;
  /** Everyone online in the negotiation (empty until the socket answers). */
  online: readonly PresenceEntry[];
  reload: () => void;
}

export const NegotiationContext = createContext<NegotiationContextValue | null>(null);

export function useNegotiation(): NegotiationContextValue {
  const value = useContext(NegotiationContext);
  if (!value) throw new Error('useNegotiation outside a negotiation');
  return value;
}
