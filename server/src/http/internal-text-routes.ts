/**
 * The owner's side of text routing: `POST /internal/text/<method>`, which peers call to run text
 * work on a document this node owns (see cluster/owner-routed-text.ts). Mounted only in a cluster. The
 * cluster secret is checked before the body is even read, and a user session opens nothing here.
 * The call runs on this node's own text, never forwarded again: when this node no longer holds
 * the document's lease it refuses (503 `not-document-owner`) rather than write on a copy that
 * would race the real owner, and the caller asks the leases again.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { UnavailableError } from '../application/errors.js';
import { HttpProblem, sendProblem, toProblem } from './problem.js';
import type { Logger } from '../observability/logger.js';
import type { InternalTextDeps } from '../cluster/cluster-node.js';
import {
  CLUSTER_SECRET_HEADER,
  INTERNAL_BODY_LIMIT_BYTES,
  INTERNAL_TEXT_PATH,
  NOT_OWNER_CODE,
  callsReadingReadModels,
  encodeError,
  isTextCall,
  runTextCall,
  textCalls,
  textRequestSchema,
} from '../cluster/internal-text-protocol.js';
import { FORWARDED_HEADER } from '../cluster/upgrade-forwarder.js';

const notOwner = () =>
  new UnavailableError(NOT_OWNER_CODE, 'This node does not hold the document any more', {
    detail: 'Ask the leases who owns it now.',
  });

export function internalTextRoutes(deps: InternalTextDeps & { logger: Logger }): Router {
  const router = express.Router();
  const log = deps.logger.child({ component: 'internal-text' });

  const requireSecret = (req: Request, _res: Response, next: NextFunction) => {
    deps.secret.accepts(req.get(CLUSTER_SECRET_HEADER)).then(
      (accepted) =>
        next(
          accepted
            ? undefined
            : HttpProblem.of(
                401,
                'cluster-secret-required',
                'This endpoint answers the nodes of the cluster only',
              ),
        ),
      (error: unknown) => {
        log.warn({ err: error }, 'could not read the cluster secret');
        next(HttpProblem.of(503, 'cluster-unavailable', 'The cluster secret cannot be read now'));
      },
    );
  };

  const answer = async (req: Request, res: Response) => {
    const method = String(req.params.method);
    if (!isTextCall(method)) {
      throw HttpProblem.of(404, 'not-found', 'No such text call', `Unknown method ${method}`);
    }
    const request = textRequestSchema.safeParse(req.body);
    const args = request.success && textCalls[method].args.safeParse(request.data.args);
    if (!request.success || !args || !args.success) {
      throw HttpProblem.of(400, 'invalid-internal-request', 'The text call is malformed');
    }
    const { documentId, readModelsAt } = request.data;
    try {
      // Checked on every call: a lease that moved since the caller asked must not lead to a
      // write on a stored copy here.
      const owner = await deps.claim(documentId).catch(() => undefined);
      if (!owner?.mine) throw notOwner();
      if (readModelsAt !== undefined && callsReadingReadModels.has(method)) {
        await deps.readModels.waitFor(BigInt(readModelsAt)).catch((error: unknown) => {
          log.warn({ err: error, documentId, method }, 'read models behind the caller');
          throw new UnavailableError('read-models-behind', 'This node is still catching up');
        });
      }
      const result = await runTextCall(deps.text, method, documentId, args.data);
      res.json({ result });
    } catch (error) {
      const problem = toProblem(error);
      if (problem.status >= 500) {
        log.warn({ err: error, documentId, method, from: req.get(FORWARDED_HEADER) }, 'failed');
      }
      sendProblem(res, { ...problem, error: encodeError(error) });
    }
  };

  router.post(
    `${INTERNAL_TEXT_PATH}/:method`,
    requireSecret,
    express.json({ limit: INTERNAL_BODY_LIMIT_BYTES, strict: true }),
    (req, res, next) => {
      answer(req, res).catch(next);
    },
  );
  return router;
}
