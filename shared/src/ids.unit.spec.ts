import { describe, expect, it } from 'vitest';
import {
  amendmentStream,
  commentsStream,
  docTextSnapshotStream,
  docTextStream,
  documentStream,
  negotiationStream,
  parseStreamName,
  positionsStream,
  privateDraftStream,
  processStream,
  translationsStream,
  notifyPrefsStream,
  libraryTextStream,
  citationsStream,
  consultationStream,
  recommendationStream,
  pledgeStream,
  roundtablePaperStream,
  roundtableStream,
  scheduleStream,
  sessionStream,
  streamCategories,
  userEmailStream,
  userStream,
} from './ids.js';

describe('stream names', () => {
  it('follow category-id for every category', () => {
    const named = [
      negotiationStream('n'),
      documentStream('d'),
      docTextStream('d'),
      docTextSnapshotStream('d'),
      amendmentStream('a'),
      positionsStream('d'),
      commentsStream('d'),
      roundtableStream('r'),
      roundtablePaperStream('r', 1),
      userStream('u'),
      userEmailStream('e@x.org'),
      sessionStream('a'.repeat(64)),
      processStream('d'),
      notifyPrefsStream('u'),
      privateDraftStream('p'),
      scheduleStream('n'),
      translationsStream('d'),
      libraryTextStream('t'),
      citationsStream('d'),
      consultationStream('c'),
      recommendationStream('r'),
      pledgeStream('p'),
    ];
    expect(named.map((name) => parseStreamName(name)?.category)).toEqual([...streamCategories]);
  });

  it('split at the first dash, as EventStoreDB does, so ids may contain dashes', () => {
    const id = '0195a4b2-7c1e-7d3a-9f00-1234567890ab';
    expect(parseStreamName(amendmentStream(id))).toEqual({ category: 'amendment', id });
  });

  it('return null for streams that are not ours', () => {
    expect(parseStreamName('$ce-amendment')).toBeNull();
    expect(parseStreamName('amendment-')).toBeNull();
    expect(parseStreamName('nodash')).toBeNull();
  });
});
