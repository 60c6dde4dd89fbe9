// Where a consultation stands at a moment. The period is part of the opening event, so the
// phase is derived from the clock rather than recorded: nothing has to run at the closing time,
// a restart cannot miss it, and every reader (decider, read side, browser) agrees on it.
export type ConsultationPhase = 'scheduled' | 'open' | 'closed';

export interface ConsultationPeriod {
  opensAt: string;
  closesAt: string;
  /** Set when the chair closed it before the end of the period. */
  closedAt: string | null;
}

export function consultationPhase(period: ConsultationPeriod, now: string): ConsultationPhase {
  const at = Date.parse(now);
  if (period.closedAt !== null && Date.parse(period.closedAt) <= at) return 'closed';
  if (at >= Date.parse(period.closesAt)) return 'closed';
  return at < Date.parse(period.opensAt) ? 'scheduled' : 'open';
}

/** When it stopped (or will stop) taking answers: the early close, else the end of the period. */
export const consultationEnd = (period: ConsultationPeriod): string =>
  period.closedAt !== null && Date.parse(period.closedAt) < Date.parse(period.closesAt)
    ? period.closedAt
    : period.closesAt;
