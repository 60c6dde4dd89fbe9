// The draft's deadline and silence banner: the deadlines for amendments and positions and the
// silence procedure under way, each counting down, shown in the reader's time zone (UTC on
// hover, the chair's zone beside it). Delegations break silence here; the chair sets deadlines
// and starts or withdraws silence; everyone reads the statements of those who broke it.
import { can, type ProcessView, type SilenceView } from '@accord/shared';
import { lazy, Suspense, useId } from 'react';
import { useDraft } from '../draft/draft-context.js';
import { useI18n } from '../i18n/i18n.js';
import { useLiveResource } from '../realtime/useLiveResource.js';
import { BreakSilenceForm } from './BreakSilenceForm.js';
import { timeLeft, useServerNow } from './countdown.js';
import { PROCESS_NOTICE_KIND, processApi } from './processApi.js';
import { SilenceStatements } from './SilenceStatements.js';
import './process.css';

// The chair's controls are a chunk of their own: most readers of the draft never need them.
const ChairProcessControls = lazy(() =>
  import('./ChairProcessControls.js').then((m) => ({ default: m.ChairProcessControls })),
);

export function ProcessBanner() {
  const { documentId } = useDraft().document;
  const process = useLiveResource(
    `process:${documentId}`,
    () => processApi.get(documentId),
    (n) => n.documentId === documentId && n.kind === PROCESS_NOTICE_KIND,
  );
  if (!process.data) return null;
  return <ProcessPanel view={process.data} reload={process.reload} />;
}

/** The banner for a loaded process view (the loader above keeps it live). */
export function ProcessPanel({ view, reload }: { view: ProcessView; reload: () => void }) {
  const { t } = useI18n();
  const { document, role } = useDraft();
  const headingId = useId();
  // The countdown follows the server's clock, not a wrong local one.
  const now = useServerNow(view.now);
  const chair = can(role, 'deadline.set') || can(role, 'silence.start');
  const lastEnded = view.silence ? undefined : view.silences[0];
  const hasNews = view.deadlines.length > 0 || view.silence !== null || lastEnded !== undefined;
  if (!hasNews && !chair) return null;
  return (
    <section className="process-banner" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('process.heading')}
      </h2>
      {view.deadlines.map((d) => (
        <p key={d.kind} className="process-banner__deadline">
          <DeadlineText kind={d.kind} deadline={d.deadline} timeZone={d.timeZone} now={now} />
        </p>
      ))}
      {view.silence && (
        <RunningSilence silence={view.silence} now={now} canBreak={can(role, 'silence.break')} />
      )}
      {lastEnded && <EndedSilence silence={lastEnded} />}
      {chair && !document.adopted && (
        <Suspense fallback={null}>
          <ChairProcessControls view={view} reload={reload} />
        </Suspense>
      )}
    </section>
  );
}

/** An instant in the reader's zone, with UTC on hover and the zone the chair set it in. */
export function Instant({ iso, setIn }: { iso: string; setIn?: string }) {
  const { t, formatDateTime, timeZone } = useI18n();
  const utc = `${new Date(iso).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return (
    <>
      <time dateTime={iso} title={utc}>
        {formatDateTime(iso)}
      </time>{' '}
      <span className="process-banner__zone">
        {setIn && setIn !== timeZone
          ? t('process.zoneWithChair', { zone: timeZone, chairZone: setIn })
          : t('process.zone', { zone: timeZone })}
      </span>
    </>
  );
}

export function Countdown({ until, now }: { until: string; now: number }) {
  const { t } = useI18n();
  const left = timeLeft(until, now);
  if (!left) return <strong className="process-banner__countdown">{t('process.passed')}</strong>;
  const text =
    left.days > 0
      ? t('process.leftDays', { days: left.days, hours: left.hours, minutes: left.minutes })
      : t('process.leftHours', { hours: left.hours, minutes: left.minutes, seconds: left.seconds });
  // Not a live region: a screen reader announcing every second would drown everything else.
  return <strong className="process-banner__countdown">{text}</strong>;
}

function DeadlineText({
  kind,
  deadline,
  timeZone,
  now,
}: {
  kind: 'amendments' | 'positions';
  deadline: string;
  timeZone: string;
  now: number;
}) {
  const { t } = useI18n();
  return (
    <>
      <span>{t(`process.deadline.${kind}`)}</span> <Instant iso={deadline} setIn={timeZone} /> ·{' '}
      <Countdown until={deadline} now={now} />
    </>
  );
}

function SilenceScope({ silence }: { silence: SilenceView }) {
  const { t, formatList } = useI18n();
  const { document } = useDraft();
  if (silence.paragraphIds === null) return <>{t('process.scope.text')}</>;
  const labels = new Map(document.paragraphs.map((p) => [p.id, p.label]));
  const names = silence.paragraphIds.map((id) => labels.get(id) ?? t('process.scope.gone'));
  return <>{t('process.scope.paragraphs', { paragraphs: formatList(names) })}</>;
}

function RunningSilence({
  silence,
  now,
  canBreak,
}: {
  silence: SilenceView;
  now: number;
  canBreak: boolean;
}) {
  const { t } = useI18n();
  const open = timeLeft(silence.until, now) !== null;
  return (
    <div className="notice notice--warning process-banner__silence">
      <p>
        <strong>{t('process.silence.running')}</strong> <SilenceScope silence={silence} /> ·{' '}
        {t('process.silence.until')} <Instant iso={silence.until} setIn={silence.timeZone} /> ·{' '}
        <Countdown until={silence.until} now={now} />
      </p>
      {silence.note && <p className="process-banner__note">{silence.note}</p>}
      {canBreak && open && <BreakSilenceForm silence={silence} />}
    </div>
  );
}

function EndedSilence({ silence }: { silence: SilenceView }) {
  const { t } = useI18n();
  const result = silence.result;
  return (
    <div className="notice process-banner__silence">
      <p>
        <strong>
          {t(`process.silence.ended.${silence.status === 'running' ? 'adopted' : silence.status}`)}
        </strong>{' '}
        <SilenceScope silence={silence} />
        {silence.endedAt && (
          <>
            {' · '}
            <Instant iso={silence.endedAt} />
          </>
        )}
      </p>
      {silence.status === 'withdrawn' && silence.reason && <p>{silence.reason}</p>}
      {result?.adoptedRevisionLabel && (
        <p>{t('process.silence.adoptedAs', { label: result.adoptedRevisionLabel })}</p>
      )}
      {result && result.problems.length > 0 && (
        <ul className="process-banner__problems">
          {result.problems.map((p, i) => (
            <li key={i}>{p.detail}</li>
          ))}
        </ul>
      )}
      <SilenceStatements silence={silence} />
    </div>
  );
}
