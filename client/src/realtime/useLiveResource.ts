// A resource that reloads itself when a socket.io change notice says its data changed; bursts of
// notices (a chair's decision touches several read models) become one reload.
import type { ChangeNotice } from '@accord/shared';
import { useEffect, useRef } from 'react';
import { useResource, type Resource } from '../lib/useResource.js';
import { useChangeNotices } from './realtime.js';

const COALESCE_MS = 80;

export function useLiveResource<T>(
  key: string,
  load: () => Promise<T>,
  affects: (notice: ChangeNotice) => boolean,
): Resource<T> {
  const resource = useResource(key, load);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { reload } = resource;
  useChangeNotices((notice) => {
    if (!affects(notice) || timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      reload();
    }, COALESCE_MS);
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  return resource;
}
