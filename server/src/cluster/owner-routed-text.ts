/**
 * The text port of a node in a cluster: work on a document's live text runs on the node that
 * owns the document, so only one node ever writes it. Without this, a node that did not own a
 * document read a fresh copy from the store and wrote on it; the owner's next append then met an
 * unexpected revision and it reloaded the document, closing every client's connection (every
 * gavel of a chair on another node than the delegates' would do that).
 *
 * Per call that needs the live text (reads too, so that they see what the owner holds):
 * - the leases are asked (`claim`): a free lease is taken, and a lease this node holds means the
 *   work runs here, on the gateway's live copy, as on a single node;
 * - another node's lease sends the call to that node (http/internal-text-routes.ts), once: the owner
 *   runs it on its own text and never forwards it again. If it has meanwhile lost the lease, it
 *   says so and the leases are asked one more time;
 * - an owner that cannot be reached is a 503: a local write would race it. A read when Redis
 *   itself cannot answer runs here on a copy read from the store, as before.
 * `findTextWork` and `textRevision` read the log, which every node shares: they run here.
 */
import { FORWARDED_HEADER } from './upgrade-forwarder.js';
import { TooLargeError, UnavailableError } from '../application/errors.js';
import type { DocumentText } from '../application/ports.js';
import type { Logger } from '../observability/logger.js';
import type { ClusterSecret } from './cluster-secret.js';
import type { Ownership } from './document-leases.js';
import {
  CLUSTER_SECRET_HEADER,
  INTERNAL_BODY_LIMIT_BYTES,
  INTERNAL_TEXT_PATH,
  NOT_OWNER_CODE,
  callsReadingReadModels,
  decodeError,
  failedAnswerSchema,
  runTextCall,
  textCalls,
  type TextCall,
  type TextCallArgs,
  type TextCallResult,
} from './internal-text-protocol.js';

export interface OwnerRoutedTextDeps {
  /** This node's own text (the gateway's). */
  local: DocumentText;
  nodeId: string;
  claim(documentId: string): Promise<Ownership>;
  secret: ClusterSecret;
  /** Where this node's read models are: the owner catches up to it before reading amendments. */
  readModels: { readonly checkpoint: bigint | undefined };
  logger: Logger;
  /** How long the owner may take to answer (a large new text takes a while). */
  timeoutMs?: number;
}

const ownerUnreachable = () =>
  new UnavailableError(
    'document-owner-unreachable',
    'The node that holds this document cannot be reached',
    {
      detail: 'Try again in a few seconds: if that node is gone, another takes the document over.',
    },
  );

const isNotOwner = (error: unknown) =>
  error instanceof UnavailableError && error.code === NOT_OWNER_CODE;

/** Reads a body, refusing it past `limit` bytes rather than holding it all first. */
async function readBounded(res: Response, limit: number): Promise<string> {
  if (Number(res.headers.get('content-length') ?? 0) > limit) {
    await res.body?.cancel();
    throw new Error(`The owner's answer is over ${limit} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  // fetch's body is typed loosely; its chunks are bytes.
  const reader = (res.body as ReadableStream<Uint8Array> | null)?.getReader();
  for (;;) {
    const read = await reader?.read();
    if (!reader || !read || read.done) break;
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`The owner's answer is over ${limit} bytes`);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function routeTextToOwners(deps: OwnerRoutedTextDeps): DocumentText {
  const { local, secret } = deps;
  const log = deps.logger.child({ component: 'owner-routed-text' });
  const timeoutMs = deps.timeoutMs ?? 60_000;

  async function post(address: string, method: TextCall, body: string): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(new URL(`${INTERNAL_TEXT_PATH}/${method}`, address), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CLUSTER_SECRET_HEADER]: await secret.current(),
          [FORWARDED_HEADER]: deps.nodeId,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Redis lost the secret and a peer set another: read it again, once.
      if (res.status !== 401 || attempt > 0) return res;
      await res.body?.cancel();
      await secret.reread();
    }
  }

  /** Runs the call on the owner; its errors come back as the classes it threw. */
  async function send<M extends TextCall>(
    address: string,
    method: M,
    documentId: string,
    args: TextCallArgs<M>,
  ): Promise<TextCallResult<M>> {
    const checkpoint = deps.readModels.checkpoint;
    const body = JSON.stringify({
      documentId,
      args,
      ...(checkpoint !== undefined && callsReadingReadModels.has(method)
        ? { readModelsAt: checkpoint.toString() }
        : {}),
    });
    if (Buffer.byteLength(body) > INTERNAL_BODY_LIMIT_BYTES) {
      throw new TooLargeError('text-call-too-large', 'Too large to send to the document owner', {
        detail: `Text work travels between nodes in at most ${INTERNAL_BODY_LIMIT_BYTES} bytes.`,
      });
    }
    let status: number;
    let payload: unknown;
    try {
      const res = await post(address, method, body);
      status = res.status;
      payload = JSON.parse(await readBounded(res, INTERNAL_BODY_LIMIT_BYTES));
    } catch (error) {
      log.warn({ err: error, documentId, method, address }, 'the owner did not answer');
      throw ownerUnreachable();
    }
    if (status === 200) {
      const answer = textCalls[method].result.safeParse(
        (payload as { result?: unknown } | null)?.result,
      );
      if (answer.success) return answer.data as TextCallResult<M>;
      log.error({ documentId, method, address }, "the owner's answer is malformed");
      throw ownerUnreachable();
    }
    const failed = failedAnswerSchema.safeParse(payload);
    if (failed.success) throw decodeError(failed.data.error);
    log.warn({ documentId, method, address, status }, 'the owner refused the call');
    throw ownerUnreachable();
  }

  async function route<M extends TextCall>(
    method: M,
    documentId: string,
    args: TextCallArgs<M>,
    writes: boolean,
  ): Promise<TextCallResult<M>> {
    for (let attempt = 0; ; attempt++) {
      let owner: Ownership;
      try {
        owner = await deps.claim(documentId);
      } catch (error) {
        log.warn({ err: error, documentId, method }, 'the leases cannot say who owns the document');
        // The gateway reads a copy from the store when Redis cannot answer; a write would race.
        if (!writes) return runTextCall(local, method, documentId, args);
        throw ownerUnreachable();
      }
      if (owner.mine) return runTextCall(local, method, documentId, args);
      if (owner.address === null) throw ownerUnreachable();
      try {
        return await send(owner.address, method, documentId, args);
      } catch (error) {
        // The lease moved between our question and the owner's answer: ask once more.
        if (isNotOwner(error) && attempt === 0) continue;
        if (isNotOwner(error)) throw ownerUnreachable();
        throw error;
      }
    }
  }

  const optionalAt = (at: string | undefined) => (at === undefined ? {} : { at });
  return {
    paragraphs: (documentId) => route('paragraphs', documentId, {}, false),
    anchor: (documentId, paragraphId, start, end) =>
      route('anchor', documentId, { paragraphId, start, end }, false),
    async create(documentId, paragraphs, by, at) {
      await route('create', documentId, { paragraphs, by, ...optionalAt(at) }, true);
    },
    async assertAmendmentApplies(documentId, amendmentId) {
      await route('assertAmendmentApplies', documentId, { amendmentId }, false);
    },
    async applyAmendment(documentId, amendmentId, by, at) {
      await route('applyAmendment', documentId, { amendmentId, by, ...optionalAt(at) }, true);
    },
    resolveAnchors: (documentId, anchors) =>
      route('resolveAnchors', documentId, { anchors: [...anchors] }, false),
    applyTextWork: (documentId, work, edits) =>
      route('applyTextWork', documentId, { work, edits: [...edits] }, true),
    findTextWork: (documentId, workId, since) => local.findTextWork(documentId, workId, since),
    textRevision: (documentId) => local.textRevision(documentId),
  };
}
