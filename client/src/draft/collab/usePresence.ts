// Who has this document open, from the awareness states (identities set by the server): one
// entry per person even with several tabs, with their delegation's colour.
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface DocumentPresence {
  clientId: number;
  name: string;
  stakeholderId: string;
  stakeholderName: string;
  color: string;
  self: boolean;
  /** Written by the server: a chair is shown as the chair, not as their delegation. */
  chair: boolean;
}

export function presenceOf(awareness: Awareness): DocumentPresence[] {
  const people = new Map<string, DocumentPresence>();
  awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: Record<string, unknown> }).user;
    if (!user || typeof user.name !== 'string') return;
    const entry: DocumentPresence = {
      clientId,
      name: user.name,
      stakeholderId: typeof user.stakeholderId === 'string' ? user.stakeholderId : '',
      stakeholderName: typeof user.stakeholderName === 'string' ? user.stakeholderName : '',
      color: typeof user.color === 'string' ? user.color : '#555555',
      self: clientId === awareness.clientID,
      chair: user.role === 'chair',
    };
    const key = `${entry.name}|${entry.stakeholderId}`;
    if (!people.has(key) || entry.self) people.set(key, entry);
  });
  return [...people.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name),
  );
}

export function useDocumentPresence(awareness: Awareness): DocumentPresence[] {
  const [people, setPeople] = useState<DocumentPresence[]>(() => presenceOf(awareness));
  useEffect(() => {
    const update = () => setPeople(presenceOf(awareness));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return people;
}
