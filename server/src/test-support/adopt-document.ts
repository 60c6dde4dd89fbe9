// Adopts a document over HTTP as the chair does: issue its next revision, then adopt that
// revision. For tests of what follows adoption (pledges); fails loudly if either step is refused.
import type { ApiClient } from './api-client.js';

export async function adoptDocument(chair: ApiClient, documentId: string): Promise<void> {
  const issued = await chair.post<{ label: string }>(`/api/documents/${documentId}/revisions`, {});
  if (issued.status !== 201) throw new Error(`issuing failed: ${JSON.stringify(issued.body)}`);
  const adopted = await chair.post(`/api/documents/${documentId}/adopt`, {
    revisionLabel: issued.body.label,
  });
  if (adopted.status !== 200) throw new Error(`adopting failed: ${JSON.stringify(adopted.body)}`);
}
