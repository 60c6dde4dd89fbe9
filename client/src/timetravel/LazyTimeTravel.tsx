// The draft in the past as a chunk of its own: the live draft and the segment gate show it only
// for a past point or a reader's horizon, so most visits to the draft never download it.
import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from '../ui/bits.js';

const TimeTravel = lazy(() => import('./TimeTravel.js').then((m) => ({ default: m.TimeTravel })));

export function LazyTimeTravel(props: ComponentProps<typeof TimeTravel>) {
  return (
    <Suspense fallback={<Loading />}>
      <TimeTravel {...props} />
    </Suspense>
  );
}
