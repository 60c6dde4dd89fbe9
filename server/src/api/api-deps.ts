// What the API routes need from the rest of the server, injected by the composition root.
import type { AccountService } from '../accounts/account-service.js';
import type { AccessRefresh } from '../application/access-refresh.js';
import type { CommandService } from '../commands/command-service.js';
import type { DocumentText } from '../application/ports.js';
import type { OperatorPolicy } from '../application/negotiations/operator-policy.js';
import type { ApplicationServices } from '../application/services.js';
import type { SharedLimits } from '../limits/shared-limiter-store.js';
import type { ReadModelQueries } from '../readmodels/queries.js';

// The text port moved to the application layer; re-exported for the modules that still import it here.
export type { DocumentText, TextParagraph } from '../application/ports.js';

export interface ApiDeps {
  commands: CommandService;
  queries: ReadModelQueries;
  accounts: AccountService;
  text: DocumentText;
  /**
   * Only sign-out calls it: mode and membership changes re-decide live connections by
   * themselves, from the read models, before the command that made them answers.
   */
  access: Pick<AccessRefresh, 'signedOut'>;
  /** Who may open a negotiation (ACCORD_OPERATORS). */
  operators: OperatorPolicy;
  /** The use cases that span streams: a route calls one of these rather than two commands. */
  services: Pick<
    ApplicationServices,
    | 'amendments'
    | 'brackets'
    | 'documents'
    | 'invitations'
    | 'nextRevisions'
    | 'process'
    | 'privateDrafts'
    | 'library'
    | 'consultations'
    | 'pledges'
    | 'recommendations'
  >;
  /** With several nodes, the limits' budgets shared through Redis; each node's own otherwise. */
  sharedLimits?: SharedLimits;
}
