// The frame of a negotiation's screens: loads it (live), joins its socket.io room for presence
// and changes, raises toasts for news that concerns the user, and leaves when membership ends.
import { useEffect, useMemo } from 'react';
import { Outlet, useNavigate, useParams } from 'react-router';
import { api } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import { isOwnChange } from '../lib/ownChanges.js';
import { knownAmendments, knownCommentAuthors } from '../realtime/knownRecords.js';
import { noticeDetail, noticeToast } from '../realtime/noticeToast.js';
import { useChangeNotices, useRealtime } from '../realtime/realtime.js';
import { useNegotiationRoom } from '../realtime/rooms.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { Loading, LoadError } from '../ui/bits.js';
import { useToasts } from '../ui/toasts.js';
import { NegotiationContext, type NegotiationContextValue } from './negotiation-context.js';
import { paths } from './paths.js';
import { Shell } from './Shell.js';

const NEGOTIATION_KINDS = new Set(['negotiation', 'stakeholder', 'member', 'chairs']);

export function NegotiationLayout() {
  const { negotiationId = '', documentId } = useParams();
  const i18n = useI18n();
  const { t } = i18n;
  const toasts = useToasts();
  const navigate = useNavigate();
  const realtime = useRealtime();
  const negotiation = useLiveResource(
    `negotiation:${negotiationId}`,
    () => api.negotiation(negotiationId),
    (n) => n.negotiationId === negotiationId && NEGOTIATION_KINDS.has(n.kind),
  );
  const online = useNegotiationRoom(negotiationId);
  const data = negotiation.data;

  useChangeNotices((notice) => {
    if (!data || notice.negotiationId !== negotiationId) return;
    const key = noticeToast(
      notice,
      data.you,
      {
        amendment: (id) => knownAmendments.get(id),
        commentAuthor: (id) => knownCommentAuthors.get(id),
      },
      documentId,
    );
    if (!key) return;
    void isOwnChange(notice.position).then((own) => {
      if (!own) toasts.show(t(key), noticeDetail(notice, i18n));
    });
  });

  useEffect(
    () =>
      realtime.onSessionEnded((ended) => {
        if (ended.reason === 'membership-revoked' && ended.negotiationId === negotiationId) {
          toasts.show(t('toast.membershipRevoked'), { tone: 'error' });
          void navigate(paths.home());
        }
      }),
    [realtime, negotiationId, navigate, t, toasts],
  );

  const value = useMemo<NegotiationContextValue | null>(() => {
    if (!data) return null;
    const stakeholders = new Map(data.stakeholders.map((s) => [s.stakeholderId, s]));
    return {
      negotiation: data,
      stakeholders,
      mine: stakeholders.get(data.you.stakeholderId),
      online: online ?? [],
      reload: negotiation.reload,
    };
  }, [data, online, negotiation.reload]);

  if (!value) {
    return (
      <Shell>
        {negotiation.error ? (
          <LoadError error={negotiation.error} retry={negotiation.reload} />
        ) : (
          <Loading />
        )}
      </Shell>
    );
  }
  return (
    <NegotiationContext.Provider value={value}>
      <Shell
        wide={documentId !== undefined}
        negotiation={{
          negotiationId,
          title: value.negotiation.title,
          you: value.negotiation.you,
          stakeholder: value.mine,
        }}
      >
        <Outlet />
      </Shell>
    </NegotiationContext.Provider>
  );
}
