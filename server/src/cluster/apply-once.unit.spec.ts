// The owner applies an amendment (or a piece of text work) once when several nodes' reactors ask
// for it at the same moment, and forgets a failed application so that a retry applies it.
import { describe, expect, it } from 'vitest';
import type { Actor } from '@accord/shared';
import type { DocumentText } from '../application/ports.js';
import { applyOnce } from './apply-once.js';

const chair: Actor = { userId: 'u-chair', stakeholderId: 's-chair', role: 'chair' };

function countingText(failFirst = false) {
  const applied: string[] = [];
  let failures = failFirst ? 1 : 0;
  const text = {
    async applyAmendment(documentId: string, amendmentId: string) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failures-- > 0) throw new Error('append failed');
      applied.push(`${documentId}/${amendmentId}`);
    },
    async applyTextWork(documentId: string, work: { workId: string }) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      applied.push(`${documentId}/${work.workId}`);
      return { placed: [{ start: 'a', end: `b${applied.length}` }] };
    },
  } as unknown as DocumentText;
  return { text, applied };
}

describe('applyOnce', () => {
  it('given two nodes asking at once, when both calls arrive, then the words are written once', async () => {
    const { text, applied } = countingText();
    const once = applyOnce(text);
    await Promise.all([
      once.applyAmendment('d1', 'a1', chair),
      once.applyAmendment('d1', 'a1', chair),
      once.applyAmendment('d1', 'a2', chair),
    ]);
    await once.applyAmendment('d1', 'a1', chair);
    expect(applied).toEqual(['d1/a1', 'd1/a2']);
  });

  it('given a piece of text work applied, when it is asked again, then the first placement answers', async () => {
    const { text, applied } = countingText();
    const once = applyOnce(text);
    const work = { workId: 'w1', by: chair };
    const [first, second] = await Promise.all([
      once.applyTextWork('d1', work, []),
      once.applyTextWork('d1', work, []),
    ]);
    expect(second).toBe(first);
    expect(applied).toEqual(['d1/w1']);
  });

  it('given a failed application, when it is retried, then it is applied', async () => {
    const { text, applied } = countingText(true);
    const once = applyOnce(text);
    await expect(once.applyAmendment('d1', 'a1', chair)).rejects.toThrow('append failed');
    await once.applyAmendment('d1', 'a1', chair);
    expect(applied).toEqual(['d1/a1']);
  });

  it('given the memory has lapsed, when the same amendment is asked for, then it is applied again', async () => {
    const { text, applied } = countingText();
    const once = applyOnce(text, 0);
    await once.applyAmendment('d1', 'a1', chair);
    await once.applyAmendment('d1', 'a1', chair);
    expect(applied).toEqual(['d1/a1', 'd1/a1']);
  });
});
