/**
 * Brackets' and options' use cases. The decider stays pure, so each command here is first
 * completed from the live text: the span is anchored (two Yjs relative positions) and its words
 * read, the paragraph's other open brackets are resolved to spans for the nesting check, and the
 * words a command strikes or deletes are read to keep them in the record.
 *
 * Commands whose words change the text (deleting bracketed words, adding an option, choosing
 * one) only record the decision; the `bracket-text` reactor writes the text from the log. As
 * for accepted amendments, the service then waits a bounded while for the reactor, so the
 * caller usually sees the new text when the request answers.
 */
import {
  openBrackets,
  type CommandMeta,
  type DocumentState,
  type ParagraphKind,
  type TextSpan,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { derivedId } from '../../commands/event-ids.js';
import type { EventStore } from '../../eventstore/port.js';
import type { DocumentService, NewDocument } from '../documents/document-service.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { DocumentText, TextParagraph } from '../ports.js';
import { documentAt } from './document-history.js';
import { planImport, type DraftWithBrackets } from './import-plan.js';

/** How long a command waits for the reactor to write its words into the text. */
export const DEFAULT_BRACKET_TEXT_WAIT_MS = 5_000;

export interface PlaceBracketInput {
  documentId: string;
  bracketId: string;
  paragraphId: string;
  start: number;
  end: number;
  note?: string | undefined;
}

export interface NewOptionInput {
  optionId: string;
  /** The id the new paragraph gets in a paragraphs set (unused for inline sets and "No text"). */
  newParagraphId: string;
  words: string;
  noText: boolean;
  kind?: ParagraphKind | undefined;
}

export interface OpenOptionSetInput extends NewOptionInput {
  documentId: string;
  optionSetId: string;
  firstOptionId: string;
  scope: 'paragraphs' | 'inline';
  paragraphId: string;
  span?: TextSpan | undefined;
}

type Position = { position: bigint | undefined };

export interface BracketService {
  place(input: PlaceBracketInput, meta: CommandMeta): Promise<Position>;
  remove(
    documentId: string,
    bracketId: string,
    reason: string | undefined,
    meta: CommandMeta,
  ): Promise<Position>;
  deleteWords(documentId: string, bracketId: string, meta: CommandMeta): Promise<Position>;
  openOptionSet(input: OpenOptionSetInput, meta: CommandMeta): Promise<Position>;
  addOption(
    documentId: string,
    optionSetId: string,
    option: NewOptionInput,
    meta: CommandMeta,
  ): Promise<Position>;
  choose(
    documentId: string,
    optionSetId: string,
    optionId: string,
    meta: CommandMeta,
  ): Promise<Position>;
  /**
   * Creates a document from an imported draft with its brackets and options as record: the
   * text with Option 1 only, then the sets (the reactor writes the alternatives), then the
   * brackets, noted "imported". `notPlaced` says what the record could not hold as drafted.
   */
  createFromImport(
    document: Omit<NewDocument, 'paragraphs'>,
    draft: DraftWithBrackets,
    meta: CommandMeta,
    paragraphId: (index: number) => string,
  ): Promise<Position & { duplicate: boolean; notPlaced: string[] }>;
}

export interface BracketServiceDeps {
  commands: CommandService;
  store: EventStore;
  text: Pick<DocumentText, 'paragraphs' | 'anchor' | 'resolveAnchors'>;
  documents: Pick<DocumentService, 'create'>;
  /** The bracket-text reactor's answer: true once the event at `position` is in the text. */
  textDoneBy(position: bigint, timeoutMs: number): Promise<boolean>;
  textWaitMs?: number;
}

const rangeOutside = (paragraph: TextParagraph, field: string): InvalidInputError =>
  InvalidInputError.field(
    'invalid-range',
    'That range is not in the paragraph',
    field,
    `must lie within 0–${paragraph.text.length} and hold at least one character`,
  );

/**
 * Who transcribes an imported draft's brackets and options: the importer, in their own name.
 * The secretariat may create documents but not bracket; the brackets of an import are the
 * draft's, not the secretariat's view, so its transcription acts with the chair's standing.
 */
const transcriber = (actor: CommandMeta['actor']): CommandMeta['actor'] =>
  actor.role === 'secretariat' ? { ...actor, role: 'chair' } : actor;

export function createBracketService(deps: BracketServiceDeps): BracketService {
  const { commands, text } = deps;
  const waitMs = deps.textWaitMs ?? DEFAULT_BRACKET_TEXT_WAIT_MS;

  /** 404 unless the paragraph is in the document's text now. */
  const paragraphOf = async (documentId: string, paragraphId: string) => {
    const paragraphs = await text.paragraphs(documentId);
    const paragraph = paragraphs.find((p) => p.id === paragraphId);
    if (!paragraph) {
      throw new NotFoundError('No such paragraph in this document', { code: 'unknown-paragraph' });
    }
    return { paragraph, paragraphs };
  };

  /** Anchors [start, end) of the paragraph; 422 for a range outside it or an empty one. */
  const anchorIn = async (
    documentId: string,
    paragraph: TextParagraph,
    span: TextSpan,
    field: string,
  ) => {
    if (span.end <= span.start || span.end > paragraph.text.length) {
      throw rangeOutside(paragraph, field);
    }
    return text.anchor(documentId, paragraph.id, span.start, span.end);
  };

  const stateOf = async (documentId: string): Promise<DocumentState> =>
    (await documentAt(deps.store, documentId)).state;

  /** Waits (bounded) for the reactor, so the caller usually reads the new text at once. */
  const afterText = async (position: bigint | undefined): Promise<Position> => {
    if (position !== undefined) await deps.textDoneBy(position, waitMs);
    return { position };
  };

  const newOption = (
    option: NewOptionInput,
    scope: 'paragraphs' | 'inline',
    kind: ParagraphKind,
  ) => ({
    optionId: option.optionId,
    words: option.words,
    noText: option.noText,
    paragraphId: scope === 'paragraphs' && !option.noText ? option.newParagraphId : null,
    kind: scope === 'paragraphs' && !option.noText ? (option.kind ?? kind) : null,
  });

  const service: BracketService = {
    async place(input, meta) {
      const { documentId, bracketId, paragraphId, note } = input;
      const { paragraph } = await paragraphOf(documentId, paragraphId);
      const span = { start: input.start, end: input.end };
      const anchor = await anchorIn(documentId, paragraph, span, 'body.end');
      const state = await stateOf(documentId);
      const others = state.status === 'none' ? [] : openBrackets(state);
      const resolved = await text.resolveAnchors(
        documentId,
        others.filter((b) => b.paragraphId === paragraphId).map((b) => b.anchor),
      );
      const otherSpans = resolved.flatMap((r) =>
        r && r.paragraphId === paragraphId ? [{ start: r.start, end: r.end }] : [],
      );
      const result = await commands.execute({
        type: 'PlaceBracket',
        data: {
          documentId,
          bracketId,
          paragraphId,
          anchor: { start: anchor.start, end: anchor.end },
          words: anchor.text,
          span,
          otherSpans,
          ...(note === undefined ? {} : { note }),
        },
        meta,
      });
      return { position: result.position };
    },

    async remove(documentId, bracketId, reason, meta) {
      const result = await commands.execute({
        type: 'RemoveBracket',
        data: { documentId, bracketId, ...(reason === undefined ? {} : { reason }) },
        meta,
      });
      return { position: result.position };
    },

    async deleteWords(documentId, bracketId, meta) {
      const state = await stateOf(documentId);
      const bracket = state.status === 'none' ? undefined : state.brackets[bracketId];
      // An unknown bracket is refused by the decider; its words are then irrelevant.
      const [span] = bracket ? await text.resolveAnchors(documentId, [bracket.anchor]) : [];
      const result = await commands.execute({
        type: 'DeleteBracketedWords',
        data: { documentId, bracketId, words: span?.text ?? bracket?.words ?? '' },
        meta,
      });
      return afterText(result.position);
    },

    async openOptionSet(input, meta) {
      const { documentId, optionSetId, firstOptionId, scope, paragraphId } = input;
      const { paragraph } = await paragraphOf(documentId, paragraphId);
      let anchor: { start: string; end: string } | null = null;
      let words = paragraph.text;
      if (scope === 'inline') {
        if (!input.span) {
          throw InvalidInputError.field(
            'missing-span',
            'Inline options start from words of the paragraph',
            'body.span',
            'required for an inline option set',
          );
        }
        const anchored = await anchorIn(documentId, paragraph, input.span, 'body.span');
        anchor = { start: anchored.start, end: anchored.end };
        words = anchored.text;
      }
      const result = await commands.execute({
        type: 'OpenOptionSet',
        data: {
          documentId,
          optionSetId,
          scope,
          paragraphId,
          firstOptionId,
          anchor,
          words,
          alternative: newOption(input, scope, paragraph.kind),
        },
        meta,
      });
      return afterText(result.position);
    },

    async addOption(documentId, optionSetId, option, meta) {
      const state = await stateOf(documentId);
      const set = state.status === 'none' ? undefined : state.optionSets[optionSetId];
      if (!set) throw new NotFoundError('No such option set', { code: 'unknown-option-set' });
      const paragraphs = await text.paragraphs(documentId);
      const kind = paragraphs.find((p) => p.id === set.paragraphId)?.kind ?? 'operative';
      const result = await commands.execute({
        type: 'AddOption',
        data: { documentId, optionSetId, ...newOption(option, set.scope, kind) },
        meta,
      });
      return afterText(result.position);
    },

    async choose(documentId, optionSetId, optionId, meta) {
      const state = await stateOf(documentId);
      const set = state.status === 'none' ? undefined : state.optionSets[optionSetId];
      if (!set) throw new NotFoundError('No such option set', { code: 'unknown-option-set' });
      const others = set.options.filter((o) => o.optionId !== optionId);
      const paragraphs = new Map((await text.paragraphs(documentId)).map((p) => [p.id, p.text]));
      const placed = others.filter((o) => o.anchor !== null);
      const spans = await text.resolveAnchors(
        documentId,
        placed.map((o) => o.anchor!),
      );
      const inlineWords = new Map(placed.map((o, i) => [o.optionId, spans[i]?.text]));
      // What the text holds for each struck option now, kept in the record.
      const struck = others.map((o) => ({
        optionId: o.optionId,
        words:
          set.scope === 'inline'
            ? (inlineWords.get(o.optionId) ?? o.words)
            : o.paragraphId === null
              ? ''
              : (paragraphs.get(o.paragraphId) ?? o.words),
      }));
      const result = await commands.execute({
        type: 'ChooseOption',
        data: { documentId, optionSetId, optionId, struck },
        meta,
      });
      return afterText(result.position);
    },
    async createFromImport(document, draft, meta, paragraphId) {
      const plan = planImport(draft);
      const created = await deps.documents.create(
        { ...document, paragraphs: plan.create.map((c) => c.paragraph) },
        meta,
        paragraphId,
      );
      const { documentId } = document;
      const notPlaced = [...plan.dropped];
      // Each follow-up command's id derives from the import's, so a retried import repeats none.
      const step = (name: string): CommandMeta => ({
        ...meta,
        commandId: derivedId(meta.commandId, `import/${name}`),
        actor: transcriber(meta.actor),
      });
      const idOf = (name: string) => derivedId(meta.commandId, `import/id/${name}`);
      const ids = new Map(plan.create.map((c, i) => [c.index, paragraphId(i)]));

      for (const [n, set] of plan.paragraphSets.entries()) {
        const first = ids.get(set.first);
        if (first === undefined) continue;
        const optionSetId = idOf(`paragraph-set/${n}`);
        const optionInput = (k: number) => {
          const alternative = set.alternatives[k]!;
          const newParagraphId = idOf(`paragraph-set/${n}/paragraph/${k}`);
          if (alternative.index !== null) ids.set(alternative.index, newParagraphId);
          return {
            optionId: idOf(`paragraph-set/${n}/option/${k}`),
            newParagraphId,
            words: alternative.words,
            noText: alternative.index === null,
            kind: alternative.kind,
          };
        };
        await service.openOptionSet(
          {
            documentId,
            optionSetId,
            firstOptionId: idOf(`paragraph-set/${n}/first`),
            scope: 'paragraphs',
            paragraphId: first,
            ...optionInput(0),
          },
          step(`paragraph-set/${n}`),
        );
        for (let k = 1; k < set.alternatives.length; k++) {
          await service.addOption(
            documentId,
            optionSetId,
            optionInput(k),
            step(`paragraph-set/${n}/${k}`),
          );
        }
      }

      for (const [n, set] of plan.inlineSets.entries()) {
        const paragraph = ids.get(set.paragraph);
        if (paragraph === undefined) continue;
        const optionSetId = idOf(`inline-set/${n}`);
        const option = (k: number) => ({
          optionId: idOf(`inline-set/${n}/option/${k}`),
          newParagraphId: idOf(`inline-set/${n}/paragraph/${k}`),
          words: set.alternatives[k]!,
          noText: false,
        });
        await service.openOptionSet(
          {
            documentId,
            optionSetId,
            firstOptionId: idOf(`inline-set/${n}/first`),
            scope: 'inline',
            paragraphId: paragraph,
            span: set.span,
            ...option(0),
          },
          step(`inline-set/${n}`),
        );
        for (let k = 1; k < set.alternatives.length; k++) {
          await service.addOption(documentId, optionSetId, option(k), step(`inline-set/${n}/${k}`));
        }
      }

      const live = new Map((await text.paragraphs(documentId)).map((p) => [p.id, p.text]));
      for (const entry of plan.brackets) {
        const paragraph = ids.get(entry.paragraph);
        if (paragraph === undefined || live.get(paragraph) !== entry.expectedText) {
          notPlaced.push(`the brackets of paragraph ${entry.paragraph + 1}, whose words moved`);
          continue;
        }
        // Outer before inner, as the draft lists them, so each one nests in those placed.
        for (const [k, span] of entry.spans.entries()) {
          await service.place(
            {
              documentId,
              bracketId: idOf(`bracket/${entry.paragraph}/${k}`),
              paragraphId: paragraph,
              ...span,
              note: 'imported',
            },
            step(`bracket/${entry.paragraph}/${k}`),
          );
        }
      }
      return { position: created.position, duplicate: created.duplicate, notPlaced };
    },
  };
  return service;
}
