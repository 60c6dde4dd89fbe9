// A line on an amendment card saying whose recommendation the amendment took up, linking to the
// recommendation's page so a delegate can read the organisation's rationale and its fate.
import type { AmendmentView } from '@accord/shared';
import { Link } from 'react-router';
import { paths } from '../app/paths.js';
import { useI18n } from '../i18n/i18n.js';
import './recommendations.css';

export function TakenUpFrom({ amendment }: { amendment: AmendmentView }) {
  const { t } = useI18n();
  const source = amendment.takenUpFrom;
  if (!source || !amendment.negotiationId) return null;
  return (
    <p className="taken-up-from">
      <Link to={paths.recommendation(amendment.negotiationId, source.recommendationId)}>
        <bdi dir="auto">
          {t('recommendationLink.takenUpFrom', {
            organisation: source.stakeholder.name ?? source.stakeholder.shortCode ?? '—',
          })}
        </bdi>
      </Link>
    </p>
  );
}
