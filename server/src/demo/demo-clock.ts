// Backdates the demo's record: spreads a phase's commands over the working hours of days before
// `now`, so the time line and "since your last visit" look like a real fortnight of negotiation.

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
/** Working hours in UTC: the session opens at 08:00 and the last act falls before 18:00. */
const OPENS_AT_MINUTE = 8 * 60;
const WORKING_MINUTES = 10 * 60;

/** Midnight UTC of the day `daysAgo` days before `now`. */
const startOfDayBefore = (now: Date, daysAgo: number): number => {
  const day = new Date(now.getTime() - daysAgo * DAY_MS);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
};

/**
 * `count` instants, evenly spread over the working hours from `fromDaysAgo` to `toDaysAgo`
 * (both days included, `fromDaysAgo >= toDaysAgo >= 1`), earliest first. All fall before the
 * day of `now`, so before `now` itself.
 */
export function spreadOverWorkingDays(
  now: Date,
  fromDaysAgo: number,
  toDaysAgo: number,
  count: number,
): Date[] {
  if (!(fromDaysAgo >= toDaysAgo && toDaysAgo >= 1)) {
    throw new RangeError(`Cannot spread from ${fromDaysAgo} to ${toDaysAgo} days ago`);
  }
  const days = fromDaysAgo - toDaysAgo + 1;
  const step = (days * WORKING_MINUTES) / Math.max(count, 1);
  return Array.from({ length: count }, (_, i) => {
    const offset = Math.floor(i * step);
    const day = Math.floor(offset / WORKING_MINUTES);
    const minute = OPENS_AT_MINUTE + (offset % WORKING_MINUTES);
    return new Date(startOfDayBefore(now, fromDaysAgo - day) + minute * MINUTE_MS);
  });
}

/**
 * Hands out the planned instants in execution order, each strictly after the one before: if two
 * phases overlap, the later command still gets the later time (the record's order must match
 * the log's order).
 */
export function strictlyIncreasing(): (planned: Date) => string {
  let last = Number.NEGATIVE_INFINITY;
  return (planned) => {
    last = Math.max(planned.getTime(), last + 1000);
    return new Date(last).toISOString();
  };
}
