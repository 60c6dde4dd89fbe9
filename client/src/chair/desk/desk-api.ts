// The REST call behind the chair's desk, typed by its contract; kept beside the desk so the
// shared endpoint table (api/endpoints.ts) need not change for it.
import { deskContracts, type DeskView } from '@accord/shared';
import { call } from '../../api/call.js';

export const loadDesk = (negotiationId: string): Promise<DeskView> =>
  call(deskContracts.getDesk, { params: { negotiationId } });

/** The draft, opened at one paragraph. */
export const paragraphLink = (draftPath: string, paragraphId: string): string =>
  `${draftPath}?paragraph=${encodeURIComponent(paragraphId)}`;
