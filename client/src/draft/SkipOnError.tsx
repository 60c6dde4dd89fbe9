// An error boundary for one item of the draft page (a person in the presence list, the editor):
// if drawing it throws, it is left out, counted in SkippedItems, and the rest of the page stays.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { useSkippedCount, type SkippedItems } from './skippedItems.js';

interface Props {
  skipped: SkippedItems;
  itemKey: string;
  /** Shown instead of the item; nothing by default. */
  fallback?: ReactNode;
  children: ReactNode;
}

export class SkipOnError extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    this.props.skipped.add(this.props.itemKey, error);
  }

  override render(): ReactNode {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}

/** "2 items could not be shown", or nothing when everything could. */
export function SkippedNote({ skipped }: { skipped: SkippedItems }) {
  const { t } = useI18n();
  const count = useSkippedCount(skipped);
  if (count === 0) return null;
  return (
    <p className="muted draft__skipped" role="note">
      {t('draft.skippedItems', { count })}
    </p>
  );
}
