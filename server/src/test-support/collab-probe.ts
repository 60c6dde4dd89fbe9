// Sends one non-empty text update over a raw collaboration websocket, as a client would, and
// reports whether the server stored it or refused it (close 4403).
import { randomUUID } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createParagraph, textFragment } from '../text/doc-structure.js';

export async function probeTextEdit(
  baseUrl: string,
  cookie: string,
  documentId: string,
  stored: () => Promise<boolean>,
): Promise<'stored' | 'refused'> {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/collab/${documentId}`, {
    headers: { cookie },
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const doc = new Y.Doc();
  textFragment(doc).insert(0, [
    createParagraph({ id: randomUUID(), kind: 'operative', text: 'A probe paragraph.' }),
  ]);
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 0); // sync
  encoding.writeVarUint(message, 2); // update
  encoding.writeVarUint8Array(message, Y.encodeStateAsUpdate(doc));
  ws.send(encoding.toUint8Array(message));
  const outcome = await Promise.race([
    closed.then((code) =>
      code === 4403 ? ('refused' as const) : Promise.reject(new Error(`closed with ${code}`)),
    ),
    (async () => {
      for (let i = 0; i < 200; i += 1) {
        if (await stored()) return 'stored' as const;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the update was neither stored nor refused');
    })(),
  ]);
  ws.close();
  return outcome;
}
