// A pledge as readers see it, and its history: a pure fold over the pledge's events, used by the
// server's read side and open to the browser. Each step of the history holds the pledge as it
// stood right after that change, so "the pledge as of each report" is a lookup, not a query.
import { z } from 'zod';
import type { PledgeEvent } from './events.js';
import {
  pledgeContentSchema,
  pledgerSchema,
  progressStatusSchema,
  type PledgeContent,
} from './events.js';

export const pledgeReportViewSchema = z.object({
  reportId: z.string(),
  status: progressStatusSchema,
  period: z.object({ from: z.string(), to: z.string() }),
  narrative: z.string(),
  figures: z.array(z.object({ ref: z.string(), value: z.number() })),
  reportedAt: z.string(),
});
export type PledgeReportView = z.infer<typeof pledgeReportViewSchema>;

export const pledgeViewSchema = z.object({
  pledgeId: z.string(),
  negotiationId: z.string(),
  documentId: z.string(),
  pledger: pledgerSchema,
  content: pledgeContentSchema,
  registeredAt: z.string(),
  /** Oldest first. */
  reports: z.array(pledgeReportViewSchema),
  revisions: z.number().int(),
  withdrawn: z.object({ reason: z.string(), at: z.string() }).nullable(),
});
export type PledgeView = z.infer<typeof pledgeViewSchema>;

export const pledgeStepKinds = ['registered', 'revised', 'reported', 'withdrawn'] as const;

export const pledgeStepSchema = z.object({
  kind: z.enum(pledgeStepKinds),
  at: z.string(),
  /** The revision's note or the withdrawal's reason; empty otherwise. */
  note: z.string(),
  /** The report this step added, for a `reported` step. */
  report: pledgeReportViewSchema.nullable(),
  /** The pledge as it stood right after this step. */
  pledge: pledgeViewSchema,
});
export type PledgeStep = z.infer<typeof pledgeStepSchema>;

const copyContent = (content: PledgeContent): PledgeContent => ({
  ...content,
  partners: [...content.partners],
  indicators: content.indicators.map((i) => ({ ...i })),
  objectives: content.objectives.map((o) => ({ ...o })),
  paragraphs: content.paragraphs.map((p) => ({ ...p })),
  timeline: { ...content.timeline },
});

/** Applies one event to the view; null until the pledge is registered. */
export function evolvePledgeView(view: PledgeView | null, event: PledgeEvent): PledgeView | null {
  if (event.type === 'PledgeRegistered') {
    const { pledgeId, negotiationId, documentId, pledger, content, registeredAt } = event.data;
    return {
      pledgeId,
      negotiationId,
      documentId,
      pledger: { ...pledger },
      content: copyContent(content),
      registeredAt,
      reports: [],
      revisions: 0,
      withdrawn: null,
    };
  }
  if (view === null) return null;
  switch (event.type) {
    case 'PledgeRevised':
      return { ...view, content: copyContent(event.data.content), revisions: view.revisions + 1 };
    case 'PledgeProgressReported': {
      const { reportId, status, period, narrative, figures, reportedAt } = event.data;
      const report = { reportId, status, period: { ...period }, narrative, figures, reportedAt };
      return { ...view, reports: [...view.reports, report] };
    }
    case 'PledgeWithdrawn':
      return { ...view, withdrawn: { reason: event.data.reason, at: event.data.withdrawnAt } };
  }
}

function stepOf(event: PledgeEvent, pledge: PledgeView): PledgeStep {
  switch (event.type) {
    case 'PledgeRegistered':
      return { kind: 'registered', at: event.data.registeredAt, note: '', report: null, pledge };
    case 'PledgeRevised':
      return {
        kind: 'revised',
        at: event.data.revisedAt,
        note: event.data.note,
        report: null,
        pledge,
      };
    case 'PledgeProgressReported':
      return {
        kind: 'reported',
        at: event.data.reportedAt,
        note: '',
        report: pledge.reports.at(-1) ?? null,
        pledge,
      };
    case 'PledgeWithdrawn':
      return {
        kind: 'withdrawn',
        at: event.data.withdrawnAt,
        note: event.data.reason,
        report: null,
        pledge,
      };
  }
}

/** The pledge now and every step of its history, oldest first; null when never registered. */
export function replayPledge(
  events: Iterable<PledgeEvent>,
): { pledge: PledgeView; history: PledgeStep[] } | null {
  let view: PledgeView | null = null;
  const history: PledgeStep[] = [];
  for (const event of events) {
    view = evolvePledgeView(view, event);
    if (view) history.push(stepOf(event, view));
  }
  return view ? { pledge: view, history } : null;
}

/** The report a reader sees as latest on `asOf` (YYYY-MM-DD): the one whose period ended last by then. */
export function latestReportAsOf(
  reports: readonly PledgeReportView[],
  asOf: string,
): PledgeReportView | null {
  let latest: PledgeReportView | null = null;
  for (const report of reports) {
    // Reports are in log order, so among equal period ends the one filed later wins.
    if (report.period.to <= asOf && (latest === null || report.period.to >= latest.period.to)) {
      latest = report;
    }
  }
  return latest;
}
