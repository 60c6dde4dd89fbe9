import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type {
  CoalitionAnalysis,
  DocumentConsensus,
  Milestone,
  TextComparison,
  TrackRecord,
} from '../consensus/index.js';
import {
  allEndpoints,
  type documentContracts,
  endpointUrl,
  type negotiationContracts,
  parseAsOf,
  type AsOfPoint,
  type EndpointInput,
  type EndpointResponse,
} from './index.js';
import type {
  coalitionsViewSchema,
  comparisonViewSchema,
  consensusViewSchema,
  milestoneViewSchema,
  trackViewSchema,
} from './record-views.js';

/** Compiles only when every value of type `Value` is accepted by the schema. */
type Accepts<Schema extends z.ZodType, Value> = [Value] extends [z.input<Schema>] ? true : false;
const accepts = <Schema extends z.ZodType, Value>(
  check: Accepts<Schema, Value>,
): Accepts<Schema, Value> => check;

describe('record view schemas', () => {
  it('accept what the record folds return (checked by the compiler)', () => {
    const point = {} as AsOfPoint;
    void point;
    expect(
      [
        accepts<typeof consensusViewSchema, DocumentConsensus & { asOf: AsOfPoint }>(true),
        accepts<typeof coalitionsViewSchema, CoalitionAnalysis & { asOf: AsOfPoint }>(true),
        accepts<typeof trackViewSchema, TrackRecord & { asOf: AsOfPoint }>(true),
        accepts<
          typeof comparisonViewSchema,
          TextComparison & {
            documentId: string;
            from: AsOfPoint;
            to: AsOfPoint;
            updates: number;
            stakeholders: Record<string, { name: string; shortCode: string; kind: 'delegation' }>;
          }
        >(true),
        accepts<
          typeof milestoneViewSchema,
          Milestone & { documentSymbol: string | null; asOf: string | null }
        >(true),
      ].every(Boolean),
    ).toBe(true);
  });
});

describe('endpointUrl', () => {
  it('fills and encodes path parameters and leaves out undefined query values', () => {
    const url = endpointUrl(
      { path: '/documents/:documentId/consensus' },
      { documentId: 'a b' },
      { asOf: 'revision:Rev 1', other: undefined },
    );
    expect(url).toBe('/documents/a%20b/consensus?asOf=revision%3ARev%201');
  });

  it('refuses a missing path parameter', () => {
    expect(() => endpointUrl({ path: '/documents/:documentId' }, {})).toThrow(/documentId/);
  });
});

describe('contract types', () => {
  it('type the input and the answer from the schemas', () => {
    const input: EndpointInput<typeof documentContracts.changeMode> = {
      params: { documentId: '01JABCDEFGHJKMNPQRSTVWXYZ0' },
      body: { mode: 'formal' },
    };
    const wrong: EndpointInput<typeof documentContracts.changeMode> = {
      params: input.params,
      // @ts-expect-error a mode outside the vocabulary does not compile
      body: { mode: 'loose' },
    };
    void wrong;
    const listInput: EndpointInput<typeof negotiationContracts.listNegotiations> = {};
    void listInput;
    const answer = { position: '12' } satisfies EndpointResponse<
      typeof documentContracts.changeMode
    >;
    expect(answer.position).toBe('12');
  });
});

describe('every contract', () => {
  const endpoints = allEndpoints();

  it('has a distinct method and path', () => {
    const keys = endpoints.map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('turns into JSON Schema for the OpenAPI document', () => {
    for (const endpoint of endpoints) {
      for (const schema of [endpoint.params, endpoint.query, endpoint.body, endpoint.response]) {
        if (schema) expect(() => z.toJSONSchema(schema, { unrepresentable: 'any' })).not.toThrow();
      }
    }
  });

  it('answers either JSON, a file or nothing (204)', () => {
    for (const endpoint of endpoints) {
      const kinds = [endpoint.response, endpoint.file].filter(Boolean).length;
      expect(kinds <= 1 && (kinds === 1 || endpoint.status === 204), endpoint.path).toBe(true);
    }
  });
});

describe('as of', () => {
  it('parses each form of a point', () => {
    expect(parseAsOf('revision:Rev 1')).toEqual({ kind: 'revision', label: 'Rev 1' });
    expect(parseAsOf('position:12')).toEqual({ kind: 'position', position: 12n });
    expect(parseAsOf('yesterday')).toBeUndefined();
  });
});
