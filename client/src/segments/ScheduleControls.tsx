// The chair's schedule on the console: the sessions with their segments (access level, when each
// opened, closed and was released), and the forms to schedule a session, open a segment with its
// access level, close the segment under way and release a closed segment's material.
import {
  can,
  segmentAccessLevels,
  type Role,
  type ScheduleView,
  type SegmentAccess,
  type SegmentView,
} from '@accord/shared';
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { LoadError, Loading } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { segmentsApi } from './segmentsApi.js';
import { useSchedule } from './useSchedule.js';
import './segments.css';

export function ScheduleControls({ negotiationId, role }: { negotiationId: string; role: Role }) {
  const { t } = useI18n();
  const headingId = useId();
  const schedule = useSchedule(negotiationId);
  return (
    <section className="card schedule-controls" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('segments.title')}</h2>
      {schedule.error !== undefined && !schedule.data && (
        <LoadError error={schedule.error} retry={schedule.reload} />
      )}
      {!schedule.data && schedule.error === undefined && <Loading />}
      {schedule.data && (
        <SchedulePanel
          negotiationId={negotiationId}
          role={role}
          view={schedule.data}
          reload={schedule.reload}
        />
      )}
    </section>
  );
}

/** The schedule and the chair's forms for a loaded view (the loader above keeps it live). */
export function SchedulePanel({
  negotiationId,
  role,
  view,
  reload,
}: {
  negotiationId: string;
  role: Role;
  view: ScheduleView;
  reload: () => void;
}) {
  const { t } = useI18n();
  return (
    <>
      {view.sessions.length === 0 && <p className="muted">{t('segments.noSessions')}</p>}
      {view.sessions.map((session) => (
        <div key={session.sessionId} className="schedule-controls__session">
          <h3 dir="auto">{session.title}</h3>
          <p className="muted">
            {t('segments.sessionDates', {
              from: session.startsOn,
              to: session.endsOn,
              zone: session.timeZone,
            })}
          </p>
          <ul className="schedule-controls__segments">
            {session.segments.map((segment) => (
              <SegmentRow
                key={segment.segmentId}
                negotiationId={negotiationId}
                role={role}
                segment={segment}
                reload={reload}
              />
            ))}
          </ul>
        </div>
      ))}
      {can(role, 'segment.open') && view.sessions.length > 0 && !view.openSegment && (
        <OpenSegmentForm negotiationId={negotiationId} view={view} reload={reload} />
      )}
      {can(role, 'session.schedule') && (
        <ScheduleSessionForm negotiationId={negotiationId} reload={reload} />
      )}
    </>
  );
}

function SegmentRow({
  negotiationId,
  role,
  segment,
  reload,
}: {
  negotiationId: string;
  role: Role;
  segment: SegmentView;
  reload: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const close = useAction(
    async () => {
      await segmentsApi.closeSegment(negotiationId, segment.segmentId);
      reload();
    },
    () => t('segments.closed'),
  );
  const release = useAction(
    async () => {
      await segmentsApi.releaseSegment(negotiationId, segment.segmentId);
      reload();
    },
    () => t('segments.released'),
  );
  const state =
    segment.closedAt === null
      ? t('segments.state.open', { since: formatDateTime(segment.openedAt) })
      : segment.releasedAt === null
        ? t('segments.state.closed', { at: formatDateTime(segment.closedAt) })
        : t('segments.state.released', { at: formatDateTime(segment.releasedAt) });
  return (
    <li className="schedule-controls__segment">
      <strong dir="auto">{segment.title}</strong>
      <span>{t('segments.access', { access: segment.access })}</span>
      <span className="muted">{state}</span>
      {segment.closedAt === null && can(role, 'segment.close') && (
        <button
          type="button"
          className="button button--small"
          disabled={close.busy}
          onClick={() => void close.run()}
        >
          {t('segments.close')}
        </button>
      )}
      {segment.closedAt !== null &&
        segment.releasedAt === null &&
        segment.access === 'governments' &&
        can(role, 'segment.release') && (
          <button
            type="button"
            className="button button--small"
            disabled={release.busy}
            onClick={() => {
              if (window.confirm(t('segments.confirmRelease', { title: segment.title })))
                void release.run();
            }}
          >
            {t('segments.release')}
          </button>
        )}
    </li>
  );
}

function OpenSegmentForm({
  negotiationId,
  view,
  reload,
}: {
  negotiationId: string;
  view: ScheduleView;
  reload: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [sessionId, setSessionId] = useState(view.sessions.at(-1)?.sessionId ?? '');
  const [title, setTitle] = useState('');
  const [access, setAccess] = useState<SegmentAccess>('governments');
  const open = useAction(
    async () => {
      await segmentsApi.openSegment(negotiationId, { sessionId, title: title.trim(), access });
      setTitle('');
      reload();
    },
    () => t('segments.opened'),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (sessionId && title.trim()) void open.run();
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <strong id={`${id}-legend`}>{t('segments.openTitle')}</strong>
      <label htmlFor={`${id}-session`}>{t('segments.session')}</label>
      <select id={`${id}-session`} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
        {view.sessions.map((s) => (
          <option key={s.sessionId} value={s.sessionId}>
            {s.title}
          </option>
        ))}
      </select>
      <TitleField
        id={`${id}-title`}
        label={t('segments.segmentTitle')}
        value={title}
        onChange={setTitle}
      />
      <label htmlFor={`${id}-access`}>{t('segments.accessLabel')}</label>
      <select
        id={`${id}-access`}
        value={access}
        onChange={(e) => setAccess(e.target.value as SegmentAccess)}
      >
        {segmentAccessLevels.map((level) => (
          <option key={level} value={level}>
            {t('segments.access', { access: level })}
          </option>
        ))}
      </select>
      <button
        type="submit"
        className="button button--primary"
        disabled={open.busy || !title.trim()}
      >
        {t('segments.open')}
      </button>
    </form>
  );
}

function ScheduleSessionForm({
  negotiationId,
  reload,
}: {
  negotiationId: string;
  reload: () => void;
}) {
  const { t, timeZone } = useI18n();
  const id = useId();
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const schedule = useAction(
    async () => {
      await segmentsApi.scheduleSession(negotiationId, {
        title: title.trim(),
        startsOn,
        endsOn: endsOn || startsOn,
        timeZone,
      });
      setTitle('');
      setStartsOn('');
      setEndsOn('');
      reload();
    },
    () => t('segments.scheduled'),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim() && startsOn) void schedule.run();
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <strong id={`${id}-legend`}>{t('segments.scheduleTitle')}</strong>
      <TitleField
        id={`${id}-title`}
        label={t('segments.sessionTitle')}
        value={title}
        onChange={setTitle}
      />
      <label htmlFor={`${id}-from`}>{t('segments.startsOn', { zone: timeZone })}</label>
      <input
        id={`${id}-from`}
        type="date"
        required
        value={startsOn}
        onChange={(e) => setStartsOn(e.target.value)}
      />
      <label htmlFor={`${id}-to`}>{t('segments.endsOn')}</label>
      <input
        id={`${id}-to`}
        type="date"
        min={startsOn || undefined}
        value={endsOn}
        onChange={(e) => setEndsOn(e.target.value)}
      />
      <button
        type="submit"
        className="button"
        disabled={schedule.busy || !title.trim() || !startsOn}
      >
        {t('segments.schedule')}
      </button>
    </form>
  );
}

/** A session's or a segment's title: one line, written in any script. */
function TitleField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        dir="auto"
        required
        maxLength={200}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}
