// The export picker: which text (clean, compilation, or a comparison of two points), which file
// format, and as of which point (an issued revision or now); then the file is downloaded. Used in
// the draft's toolbar and in the chair console.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Revision } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { Notice } from '../ui/bits.js';
import { useAction } from '../ui/useAction.js';
import { downloadFile } from './download.js';
import {
  choiceProblem,
  defaultChoice,
  exportFormats,
  exportPoints,
  exportUrl,
  exportVariants,
  fileExtension,
  NOW,
  type ExportChoice,
  type ExportFormat,
} from './exports.js';

export function ExportMenu({
  documentId,
  symbol,
  revisions,
  startOpen = false,
}: {
  documentId: string;
  symbol: string;
  revisions: readonly Revision[];
  startOpen?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(startOpen);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Like any popover: a click elsewhere closes it, Escape closes it and returns to the button.
  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (event.target instanceof Node && !menu.current?.contains(event.target)) setOpen(false);
    };
    window.addEventListener('mousedown', outside);
    return () => window.removeEventListener('mousedown', outside);
  }, [open]);
  return (
    <div
      className="export-menu"
      ref={menu}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((v) => !v)}
      >
        {t('export.open')}
      </button>
      {open && (
        <div id={`${id}-panel`} className="export-menu__panel card">
          <ExportForm documentId={documentId} symbol={symbol} revisions={revisions} />
        </div>
      )}
    </div>
  );
}

export function ExportForm({
  documentId,
  symbol,
  revisions,
}: {
  documentId: string;
  symbol: string;
  revisions: readonly Revision[];
}) {
  const { t, formatDate } = useI18n();
  const id = useId();
  const [choice, setChoice] = useState<ExportChoice>(() => defaultChoice(revisions));
  const points = exportPoints(revisions);
  const issued = new Map(revisions.map((r) => [`revision:${r.label}`, r]));
  const pointLabel = (point: string) => {
    if (point === NOW) return t('export.point.now');
    const revision = issued.get(point);
    return revision
      ? t('export.point.revision', { label: revision.label, date: formatDate(revision.issuedAt) })
      : point;
  };
  const set = (patch: Partial<ExportChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const problem = choiceProblem(choice);
  const url = exportUrl(documentId, choice);
  const [saved, setSaved] = useState<string | null>(null);
  const download = useAction(async () => {
    setSaved(null);
    const fallback = `${symbol.replace(/[^\w.-]+/g, '_')}-${choice.variant}.${fileExtension[choice.format]}`;
    setSaved(await downloadFile(url, fallback));
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!problem) void download.run();
  };
  const pointSelect = (value: string, onChange: (v: string) => void, label: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {points.map((p) => (
          <option key={p} value={p}>
            {pointLabel(p)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="form export-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="export-form__title">
        {t('export.title', { symbol })}
      </h3>
      <fieldset className="radio-stack">
        <legend>{t('export.variant')}</legend>
        {exportVariants.map((v) => (
          <label key={v} className="radio-option">
            <input
              type="radio"
              name={`${id}-variant`}
              value={v}
              checked={choice.variant === v}
              onChange={() => set({ variant: v })}
            />
            <span>
              <strong>{t(`export.variant.${v}`)}</strong>
              <span className="field__hint"> — {t(`export.variantHint.${v}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field__label">{t('export.format')}</span>
        <select
          value={choice.format}
          onChange={(e) => set({ format: e.target.value as ExportFormat })}
        >
          {exportFormats.map((f) => (
            <option key={f} value={f}>
              {t(`export.format.${f}`)}
            </option>
          ))}
        </select>
      </label>
      {choice.variant === 'compare' ? (
        <div className="export-form__points">
          {pointSelect(choice.from, (from) => set({ from }), t('export.from'))}
          {pointSelect(choice.to, (to) => set({ to }), t('export.to'))}
        </div>
      ) : (
        pointSelect(choice.asOf, (asOf) => set({ asOf }), t('export.asOf'))
      )}
      {problem && <Notice tone="warning">{t(`export.problem.${problem}`)}</Notice>}
      {download.error && <Notice tone="error">{download.error}</Notice>}
      {saved && (
        <p className="muted" role="status">
          {t('export.saved', { name: saved })}
        </p>
      )}
      <div className="form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={download.busy || problem !== null}
          data-export-url={url}
        >
          {download.busy ? t('export.preparing') : t('export.download')}
        </button>
      </div>
    </form>
  );
}
