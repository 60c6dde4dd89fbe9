// The editor under the app's Content-Security-Policy: it must not rely on a <style> element (the
// policy blocks them), and the app's own stylesheet must keep spaces as typed, or the browser
// turns a space typed at the end of a line into a non-breaking space that the draft then stores.
// Vitest hands CSS imports (even ?raw) to tests as empty strings, so the stylesheet is read from
// disk; this file runs under Node only and never reaches the browser bundle.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import { screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderInDraft } from '../../test-support/providers.js';
import { CollabSession } from '../collab/collabSession.js';
import { DraftEditor } from './DraftEditor.js';

function seed(doc: Y.Doc): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('id', 'op1');
  paragraph.setAttribute('kind', 'operative');
  paragraph.insert(0, [new Y.XmlText('Decides to act;')]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
}

function Draft({ session }: { session: CollabSession }) {
  const [margin] = useState(() => ({ statuses: new Map(), stances: new Map(), currentId: null }));
  return (
    <DraftEditor
      session={session}
      editable
      label="Text"
      margin={margin}
      annotations={null}
      self={{ name: 'Me' }}
      caretLabel={(user) => user.name ?? ''}
      onSelection={() => undefined}
    />
  );
}

describe('the editor’s styles', () => {
  const sessions: CollabSession[] = [];
  afterEach(() => {
    sessions.splice(0).forEach((s) => s.destroy());
    document.head.querySelectorAll('style').forEach((s) => s.remove());
  });

  it('adds no <style> element and keeps typed spaces through the app stylesheet', async () => {
    // The app's stylesheet as the built app serves it (from its own origin, which the CSP allows).
    const appStyles = document.createElement('style');
    appStyles.textContent = readFileSync(`${import.meta.dirname}/../../styles/draft.css`, 'utf8');
    document.head.append(appStyles);

    const session = new CollabSession('d1', 'ws://127.0.0.1:9/collab');
    sessions.push(session);
    seed(session.doc);
    renderInDraft(<Draft session={session} />);
    await screen.findByText('Decides to act;');

    expect(document.querySelectorAll('style[data-tiptap-style]')).toHaveLength(0);
    const text = screen.getByRole('textbox', { name: 'Text' });
    expect(getComputedStyle(text).whiteSpace).toMatch(/^(pre-wrap|break-spaces)$/);
  });
});
