// Counting down to a deadline: the time left split into days, hours, minutes and seconds, and a
// clock that ticks once a second, corrected by how far the browser's clock is from the server's.
import { useEffect, useState } from 'react';

export interface TimeLeft {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Null once the deadline is reached. */
export function timeLeft(deadline: string, now: number): TimeLeft | null {
  const ms = Date.parse(deadline) - now;
  if (ms <= 0) return null;
  const total = Math.floor(ms / 1000);
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}

/**
 * The server's time now, ticking every second. `serverNow` is the server's clock in its last
 * answer: the difference to the browser's clock is measured then, so a wrong local clock does
 * not move a deadline.
 */
export function useServerNow(serverNow: string): number {
  const [now, setNow] = useState(() => Date.parse(serverNow));
  useEffect(() => {
    const skew = Date.parse(serverNow) - Date.now();
    const tick = () => setNow(Date.now() + skew);
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [serverNow]);
  return now;
}

/** `datetime-local` input value (the browser's zone) → UTC ISO; null when empty or invalid. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
