// The signed-in user's unread count, reloaded whenever the server says a notification arrived
// (a `change` of kind `notification`, sent to the user's own sockets only).
import { notificationContracts } from '@accord/shared';
import { call } from '../api/call.js';
import { useResource } from '../lib/useResource.js';
import { useChangeNotices } from '../realtime/realtime.js';

export function useUnreadCount(): number {
  const inbox = useResource('notifications:unread', () =>
    call(notificationContracts.listInbox, { query: { limit: 1, unreadOnly: 'true' } }),
  );
  useChangeNotices((notice) => {
    if (notice.kind === 'notification') inbox.reload();
  });
  return inbox.data?.unreadCount ?? 0;
}
