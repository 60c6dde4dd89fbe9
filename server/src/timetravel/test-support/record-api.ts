// The record routes on their own HTTP server, sharing a running server's core (store, read
// models, sessions, text), so they can be tested whether or not create-api mounts them yet.
//
//   const api = await startRecordApi(server);
//   new ApiClient(api.url, fixture.clients.chair.cookie).get(`/api/documents/${id}/consensus`);
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SignedInUser } from '../../accounts/account-service.js';
import { sessionTokenOf } from '../../accounts/session-cookie.js';
import { recordRoutes } from '../../api/record-routes.js';
import { ApiRouter } from '../../http/api-router.js';
import { createHttpApp, installErrorHandling } from '../../http/app.js';
import type { RunningServer } from '../../server.js';

export async function startRecordApi(
  server: RunningServer,
): Promise<{ url: string; close(): Promise<void> }> {
  const { store, metrics, logger, commands, accounts, text, readModels, access } = server;
  const app = createHttpApp({ store, metrics, logger, version: 'test', startedAt: new Date() });
  const api = new ApiRouter<SignedInUser>({
    prefix: '/api',
    authenticate: (req) => Promise.resolve(accounts.authenticate(sessionTokenOf(req))),
  });
  recordRoutes(api, { commands, queries: readModels.queries, accounts, text, access, store });
  api.mount(app);
  installErrorHandling(app, logger);
  const httpServer = http.createServer(app);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      }),
  };
}
