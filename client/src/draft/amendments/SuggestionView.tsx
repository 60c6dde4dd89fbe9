// An amendment's change as a suggestion: the words it removes struck through, the words it adds
// underlined, with the words before an insertion for context.
import type { Proposal } from '@accord/shared';
import { useI18n } from '../../i18n/i18n.js';

export function SuggestionView({ proposal, code }: { proposal: Proposal; code: string }) {
  const { t } = useI18n();
  switch (proposal.kind) {
    case 'insert':
      return (
        <p className="suggestion">
          <span className="suggestion__context">…{proposal.originalText.slice(-60)}</span>
          <ins className="suggestion__ins" title={`${code} ${t('suggestion.insert')}`}>
            {proposal.proposedText}
          </ins>
        </p>
      );
    case 'delete':
      return (
        <p className="suggestion">
          <del className="suggestion__del" title={`${code} ${t('suggestion.delete')}`}>
            {proposal.originalText}
          </del>
        </p>
      );
    case 'replace':
      return (
        <p className="suggestion">
          <del className="suggestion__del" title={`${code} ${t('suggestion.delete')}`}>
            {proposal.originalText}
          </del>{' '}
          <ins className="suggestion__ins" title={`${code} ${t('suggestion.insert')}`}>
            {proposal.proposedText}
          </ins>
        </p>
      );
    case 'add-paragraph':
      return (
        <p className="suggestion">
          <ins className="suggestion__ins" title={`${code} ${t('suggestion.newParagraph')}`}>
            {proposal.proposedText}
          </ins>
        </p>
      );
    case 'delete-paragraph':
      return (
        <p className="suggestion">
          <del className="suggestion__del" title={`${code} ${t('suggestion.deleteParagraph')}`}>
            {proposal.originalText}
          </del>
        </p>
      );
  }
}
