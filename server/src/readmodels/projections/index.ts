// Every projection of the negotiation domain, in the order the projector applies them, and the
// streams they read. Order matters: later projections look up rows earlier ones wrote for the
// same event (documents before amendments, everything before the activity feed).
import type { EventFilter } from '../../eventstore/port.js';
import type { Projection } from '../projection.js';
import { activityProjection } from './activity.js';
import { amendmentsProjection } from './amendments.js';
import { commandLogProjection } from './command-log.js';
import { commentsProjection } from './comments.js';
import { documentsProjection } from './documents.js';
import { invitationsProjection } from './invitations.js';
import { libraryProjection } from './library.js';
import { consultationsProjection } from './consultations.js';
import { recommendationsProjection } from './recommendations.js';
import { pledgesProjection } from './pledges.js';
import { membersProjection } from './members.js';
import { negotiationsProjection } from './negotiations.js';
import { positionsProjection } from './positions.js';
import { privateDraftsProjection } from './private-drafts.js';
import { processProjection } from './process.js';
import { roundtablesProjection } from './roundtables.js';
import { segmentsProjection } from './segments.js';
import { sessionsProjection } from './sessions.js';
import { usersProjection } from './users.js';

export const createProjections = (): Projection[] => [
  usersProjection,
  sessionsProjection,
  negotiationsProjection,
  membersProjection,
  invitationsProjection,
  documentsProjection,
  amendmentsProjection,
  positionsProjection,
  commentsProjection,
  roundtablesProjection,
  processProjection,
  privateDraftsProjection,
  segmentsProjection,
  libraryProjection,
  consultationsProjection,
  recommendationsProjection,
  pledgesProjection,
  activityProjection,
  commandLogProjection,
];

/**
 * The streams the read models read. Never `doctext-`: the text's updates are by far the
 * largest part of the log and nothing here needs them.
 */
export const readModelFilter: EventFilter = {
  on: 'streamName',
  prefixes: [
    'negotiation-',
    'document-',
    'amendment-',
    'positions-',
    'comments-',
    'user-',
    'useremail-',
    'session-',
    'roundtable-',
    // Deadlines and silence procedures: for the command log (idempotency) and the activity feed.
    'process-',
    // Language versions: for the command log (idempotency) only; the service folds the stream.
    'translations-',
    // The agreed-language library and the citations of its passages.
    'library-',
    // Consultations on a draft and their answers.
    'consultation-',
    'citations-',
    // Recommendations of civil society and observers, and their uptake.
    'recommendation-',
    // Action pledges on adopted texts, with their reports.
    'pledge-',
    // Private drafts: for their owner's read model and the command log only. The activity feed
    // and every other reader skip them (isPrivateStream).
    'privatedraft-',
    // Sessions and segments: who may read what, and from which position.
    'schedule-',
    // A user's notification settings: for the command log only (the inbox has its own table).
    'notifyprefs-',
  ],
};
