// Joining the socket.io rooms of a negotiation or a document for as long as a screen shows it,
// again after every reconnect, and following who is online in the negotiation.
import type { PresenceEntry } from '@accord/shared';
import { useEffect, useState } from 'react';
import { useRealtime } from './realtime.js';

/** Who is online in the negotiation (null until the first answer). Joins its room meanwhile. */
export function useNegotiationRoom(negotiationId: string): PresenceEntry[] | null {
  const { socket } = useRealtime();
  const [online, setOnline] = useState<{ id: string; list: PresenceEntry[] } | null>(null);
  useEffect(() => {
    let active = true;
    const join = () => {
      socket.emit('negotiation:join', { negotiationId }, (answer) => {
        if (active && answer.ok) setOnline({ id: negotiationId, list: answer.online });
      });
    };
    const onPresence = (update: { negotiationId: string; online: PresenceEntry[] }) => {
      if (update.negotiationId === negotiationId)
        setOnline({ id: negotiationId, list: update.online });
    };
    socket.on('connect', join);
    socket.on('presence', onPresence);
    if (socket.connected) join();
    return () => {
      active = false;
      socket.off('connect', join);
      socket.off('presence', onPresence);
      if (socket.connected) socket.emit('negotiation:leave', { negotiationId });
    };
  }, [socket, negotiationId]);
  return online?.id === negotiationId ? online.list : null;
}

/** Joins the document's room so its change notices arrive while the draft is open. */
export function useDocumentRoom(documentId: string): void {
  const { socket } = useRealtime();
  useEffect(() => {
    const join = () => socket.emit('document:join', { documentId }, () => undefined);
    socket.on('connect', join);
    if (socket.connected) join();
    return () => {
      socket.off('connect', join);
      if (socket.connected) socket.emit('document:leave', { documentId });
    };
  }, [socket, documentId]);
}
