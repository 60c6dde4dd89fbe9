// Route-level code splitting: each page is fetched the first time its route is shown, so the
// sign-in page does not pay for the editor (TipTap, ProseMirror, Yjs) or the chair's tools.
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../ui/bits.js';

/**
 * `React.lazy` for modules that export their page by name (the app has no default exports):
 * `lazyPage(() => import('../draft/DraftPage.js'), 'DraftPage')`. Each page carries its own
 * Suspense boundary, so while a page loads the shell around it stays on screen.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K): ComponentType {
  const Lazy = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy />
      </Suspense>
    );
  }
  LazyPage.displayName = `Lazy(${String(name)})`;
  return LazyPage;
}
