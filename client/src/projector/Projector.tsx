// The projector's screen: the paragraph under discussion, large, with its open brackets and
// options drawn, the paragraphs before and after dimmed for context, a full-screen button and
// the connection indicator. Nothing else: no presence, no comments, nothing to edit.
import type { AwarenessUser, BracketView, OptionSetView } from '@accord/shared';
import { useCallback, useRef, useState, useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { ConnectionStatus } from '../draft/collab/ConnectionStatus.js';
import type { CollabSnapshot } from '../draft/collab/collabSession.js';
import { useOutline, type OutlineEntry } from '../draft/outline.js';
import { useI18n } from '../i18n/i18n.js';
import { bracketedText, notationRuns, paragraphOptionLabel } from './notationRuns.js';
import { useChairParagraph } from './useChairParagraph.js';

export interface ProjectorProps {
  doc: Y.Doc;
  awareness: Awareness;
  isChair: (user: AwarenessUser) => boolean;
  snapshot: CollabSnapshot;
  /** The last revision's numbers, so labels match the draft (bis, ter). */
  frozenNumbering?: ReadonlyMap<string, string>;
  brackets: readonly BracketView[];
  optionSets: readonly OptionSetView[];
}

export function Projector(props: ProjectorProps) {
  const { t } = useI18n();
  const outline = useOutline(props.doc, props.frozenNumbering);
  const followed = useChairParagraph(props.doc, props.awareness, props.isChair);
  const screenRef = useRef<HTMLDivElement>(null);
  const fullScreen = useFullScreen(screenRef);
  // The chair's paragraph, or the first one until a chair is seen in the text.
  const found = followed === null ? -1 : outline.findIndex((p) => p.id === followed);
  const index = found >= 0 ? found : 0;
  const current = outline[index];
  return (
    <div className="projector" ref={screenRef} data-paragraph={current?.id ?? ''}>
      <div className="projector__bar">
        <ConnectionStatus snapshot={props.snapshot} />
        {fullScreen.supported && (
          <button type="button" className="button button--small" onClick={fullScreen.toggle}>
            {fullScreen.active ? t('projector.exitFullScreen') : t('projector.fullScreen')}
          </button>
        )}
      </div>
      {!props.snapshot.everSynced ? null : current === undefined ? (
        <p className="projector__empty">{t('projector.empty')}</p>
      ) : (
        <div className="projector__text">
          {followed === null && <p className="projector__waiting">{t('projector.noChair')}</p>}
          {index > 0 && <ContextParagraph entry={outline[index - 1]!} />}
          <section
            className="projector__current"
            aria-live="polite"
            aria-label={t('projector.current')}
          >
            <CurrentParagraph entry={current} {...props} />
          </section>
          {index < outline.length - 1 && <ContextParagraph entry={outline[index + 1]!} />}
        </div>
      )}
    </div>
  );
}

function CurrentParagraph({
  entry,
  brackets,
  optionSets,
}: {
  entry: OutlineEntry;
  brackets: readonly BracketView[];
  optionSets: readonly OptionSetView[];
}) {
  const runs = notationRuns(bracketedText(entry.id, entry.text, brackets, optionSets));
  const option = paragraphOptionLabel(entry.id, optionSets);
  return (
    <p className={`projector__paragraph projector__paragraph--${entry.kind}`} dir="auto">
      {entry.label !== null && <span className="projector__label">{entry.label}</span>}
      {option !== null && <span className="projector__option">{option}</span>}
      {runs.map((run, i) =>
        run.kind === 'words' ? (
          <span key={i}>{run.text}</span>
        ) : (
          <span key={i} className={`projector__${run.kind}`}>
            {run.text}
          </span>
        ),
      )}
    </p>
  );
}

function ContextParagraph({ entry }: { entry: OutlineEntry }) {
  return (
    <p className="projector__context" dir="auto">
      {entry.label !== null && <span className="projector__label">{entry.label}</span>}
      {entry.text}
    </p>
  );
}

/** The Fullscreen API for one element: whether it is available, active, and a toggle. */
function useFullScreen(ref: React.RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const update = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void ref.current?.requestFullscreen();
  }, [ref]);
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  return { active, toggle, supported };
}
