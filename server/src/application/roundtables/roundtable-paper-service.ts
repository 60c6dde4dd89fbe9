/**
 * Roundtable papers from the record: composing a paper as of a log position, previewing the
 * current draft (rendered on the fly, never recorded), issuing a version (render every format,
 * store the bytes, record the version with each file's hash), and reading an issued file back.
 *
 *   const papers = createRoundtablePapers({ store, history, queries, commands });
 *   const { bytes } = await papers.preview(roundtableId, 'pdf');
 */
import {
  commentsStream,
  foldEvents,
  parseStoredEvent,
  roundtableDecider,
  roundtablePaperFormats,
  roundtableStream,
  type CommandMeta,
  type IssueRoundtablePaper,
  type RoundtableEvent,
  type RoundtablePaperFormat,
  type RoundtableState,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { lastPosition, type EventStore } from '../../eventstore/port.js';
import {
  buildDocumentExport,
  renderExport,
  type ExportLanguage,
  type ExportModel,
  type NegotiationTextSource,
  type RenderedExport,
} from '../../exports/index.js';
import { NotFoundError } from '../errors.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import type { DocumentFrame, RecordHistory } from '../../timetravel/index.js';
import {
  describeFile,
  readPaperFile,
  storePaperFiles,
  type RenderedPaperFile,
} from '../../roundtables/paper-files.js';
import {
  paperModel,
  type PaperComment,
  type PaperEdition,
  type PaperRoundtable,
  type PaperStakeholder,
} from '../../roundtables/paper-model.js';

export interface RoundtablePapersDeps {
  store: EventStore;
  history: RecordHistory;
  queries: ReadModelQueries;
  commands: CommandService;
  /** Brackets and options as of the paper's point, printed in its compilation. */
  negotiationText?: NegotiationTextSource;
}

type Scheduled = Exclude<RoundtableState, { status: 'none' }>;

export interface IssuedVersion {
  version: number;
  recordPosition: string;
  files: { format: RoundtablePaperFormat; mediaType: string; sha256: string; byteLength: number }[];
  position: string | undefined;
  duplicate: boolean;
}

const notFound = () => new NotFoundError('Roundtable not found');

/** The roundtable folded from its own stream: the decider's view, never behind the read model. */
export async function loadRoundtable(
  store: EventStore,
  roundtableId: string,
): Promise<{ state: RoundtableState; commandIds: Map<string, RoundtableEvent> }> {
  const events: RoundtableEvent[] = [];
  const commandIds = new Map<string, RoundtableEvent>();
  for await (const recorded of store.readStream(roundtableStream(roundtableId))) {
    const event = parseStoredEvent(recorded) as RoundtableEvent;
    events.push(event);
    const commandId = recorded.metadata.commandId;
    if (typeof commandId === 'string') commandIds.set(commandId, event);
  }
  return { state: foldEvents(roundtableDecider, events), commandIds };
}

/** The global position of the newest event: the record a paper issued now is generated from. */
async function headPosition(store: EventStore): Promise<bigint> {
  return (await lastPosition(store)) ?? 0n;
}

const isFrame = (value: unknown): value is DocumentFrame =>
  typeof value === 'object' && value !== null && 'consensus' in value && 'paragraphs' in value;

export function createRoundtablePapers(deps: RoundtablePapersDeps) {
  const { store, history, queries, commands } = deps;

  /** Comments and replies on the document that were in the record at `position`. */
  async function commentsAt(
    documentId: string,
    position: bigint,
    recordTime: string | null,
  ): Promise<PaperComment[]> {
    const comments: PaperComment[] = [];
    const paragraphOf = new Map<string, string>();
    const cutoff = recordTime === null ? Number.NEGATIVE_INFINITY : Date.parse(recordTime);
    for await (const recorded of store.readStream(commentsStream(documentId))) {
      // EventStoreDB's stream reads carry no global position: fall back to the record's clock.
      const occurredAt = recorded.metadata.occurredAt;
      const included =
        recorded.position !== undefined
          ? recorded.position <= position
          : typeof occurredAt === 'string' && Date.parse(occurredAt) <= cutoff;
      if (!included) break;
      const event = parseStoredEvent(recorded);
      if (event.type === 'CommentPosted') {
        const { commentId, anchor, body, authorStakeholderId, postedAt } = event.data;
        paragraphOf.set(commentId, anchor.paragraphId);
        comments.push({
          commentId,
          paragraphId: anchor.paragraphId,
          body,
          stakeholderId: authorStakeholderId,
          at: postedAt,
          ...(anchor.range ? { quote: anchor.range.quote } : {}),
        });
      } else if (event.type === 'CommentReplied') {
        const { commentId, replyId, body, authorStakeholderId, repliedAt } = event.data;
        const paragraphId = paragraphOf.get(commentId);
        if (paragraphId === undefined) continue;
        comments.push({
          commentId: replyId,
          paragraphId,
          body,
          stakeholderId: authorStakeholderId,
          at: repliedAt,
          replyTo: commentId,
        });
      }
    }
    return comments;
  }

  function stakeholdersOf(negotiationId: string): Record<string, PaperStakeholder> {
    return Object.fromEntries(
      queries
        .listStakeholders(negotiationId)
        .map((s) => [s.stakeholderId, { name: s.name, shortCode: s.shortCode, kind: s.kind }]),
    );
  }

  /** The paper of the roundtable's current draft, from the record as it stands at `position`. */
  async function compose(
    roundtable: Scheduled,
    edition: PaperEdition,
    position: bigint,
    labels?: ExportLanguage,
  ): Promise<ExportModel> {
    const { documentId } = roundtable.coverage;
    const source = {
      store,
      history,
      ...(deps.negotiationText ? { negotiationText: deps.negotiationText } : {}),
    };
    const compilation = await buildDocumentExport(
      source,
      documentId,
      { variant: 'compilation', asOf: { kind: 'position', position } },
      labels,
    );
    if (!isFrame(compilation.source)) throw new Error('The compilation carries no frame');
    const frame = compilation.source;
    const paper: PaperRoundtable = {
      roundtableId: roundtable.roundtableId,
      theme: roundtable.theme,
      date: roundtable.date,
      coChairStakeholderIds: roundtable.coChairStakeholderIds,
      invitedStakeholderIds: roundtable.invitedStakeholderIds,
      coverage: roundtable.coverage,
      background: roundtable.background,
      guidingQuestions: roundtable.guidingQuestions,
      draft: roundtable.draft,
    };
    return paperModel({
      roundtable: paper,
      edition,
      compilation,
      frame,
      comments: await commentsAt(documentId, position, frame.asOf.recordOccurredAt),
      stakeholders: stakeholdersOf(roundtable.negotiationId),
      recordPosition: position.toString(),
      labels,
    });
  }

  async function scheduled(roundtableId: string) {
    const loaded = await loadRoundtable(store, roundtableId);
    if (loaded.state.status === 'none') throw notFound();
    return { ...loaded, state: loaded.state };
  }

  return {
    /**
     * The current draft as a file, from the record now, with its own words in `labels`; nothing
     * is recorded. (Issued versions keep the bytes they were issued with, in English.)
     */
    async preview(
      roundtableId: string,
      format: RoundtablePaperFormat,
      labels?: ExportLanguage,
    ): Promise<RenderedExport> {
      const { state } = await scheduled(roundtableId);
      const model = await compose(state, { kind: 'preview' }, await headPosition(store), labels);
      return renderExport(model, format);
    },

    /**
     * Issues the next version: checks with the decider first (so a refusal writes nothing),
     * renders every format from the record now, stores the bytes, then records the version with
     * each file's hash. A retried request (same command id) answers as the first time.
     */
    async issue(
      roundtableId: string,
      meta: CommandMeta,
      draft: number | undefined,
    ): Promise<IssuedVersion> {
      const { state, commandIds } = await scheduled(roundtableId);
      const earlier = commandIds.get(meta.commandId);
      if (earlier?.type === 'RoundtablePaperIssued') {
        const { version, recordPosition, files } = earlier.data;
        return { version, recordPosition, files, position: undefined, duplicate: true };
      }
      const position = await headPosition(store);
      const command = (files: IssueRoundtablePaper['data']['files']): IssueRoundtablePaper => ({
        type: 'IssueRoundtablePaper',
        data: {
          roundtableId,
          version: state.papers.length + 1,
          draft: draft ?? state.draft,
          recordPosition: position.toString(),
          files,
        },
        meta,
      });
      // A dry run with a placeholder file: sign-offs, draft, version and permission are checked
      // before anything is rendered or stored.
      roundtableDecider.decide(
        command([
          { format: 'json', mediaType: 'application/json', sha256: '0'.repeat(64), byteLength: 0 },
        ]),
        state,
      );
      const version = state.papers.length + 1;
      const model = await compose(state, { kind: 'issued', version }, position);
      const rendered: RenderedPaperFile[] = [];
      for (const format of roundtablePaperFormats) {
        const file = await renderExport(model, format);
        rendered.push(describeFile(format, file.contentType, file.bytes));
      }
      await storePaperFiles(store, roundtableId, version, rendered, meta.commandId);
      const files = rendered.map(({ format, mediaType, sha256, byteLength }) => ({
        format,
        mediaType,
        sha256,
        byteLength,
      }));
      const result = await commands.execute(command(files));
      return {
        version,
        recordPosition: position.toString(),
        files,
        position: result.position?.toString(),
        duplicate: result.duplicate,
      };
    },

    /** An issued file, byte for byte as issued, with the hash recorded for it. */
    async download(roundtableId: string, version: number, format: RoundtablePaperFormat) {
      const { state } = await scheduled(roundtableId);
      const paper = state.papers.find((p) => p.version === version);
      if (!paper) {
        throw new NotFoundError('No such paper version', {
          code: 'paper-version-not-found',
          detail: `Versions issued: ${state.papers.map((p) => p.version).join(', ') || 'none'}.`,
        });
      }
      const file = paper.files.find((f) => f.format === format);
      if (!file) {
        throw new NotFoundError(`Version ${version} was not issued as ${format}`, {
          code: 'paper-format-not-issued',
          detail: `Issued as: ${paper.files.map((f) => f.format).join(', ')}.`,
        });
      }
      const bytes = await readPaperFile(store, roundtableId, version, file);
      return { bytes, file, paper };
    },
  };
}

export type RoundtablePapers = ReturnType<typeof createRoundtablePapers>;
