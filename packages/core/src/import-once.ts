/**
 * Wraps a dynamic `import()` of a widget's part (its own chunk in bundles) so that it runs once: every call answers
 * the same promise, and a failed load (offline, a missing file) is forgotten, so the next call, e.g. from the error
 * state's "Erneut versuchen", loads again.
 *
 *   const loadPanel = importOnce(() => import('./panel.js'));
 */
export function importOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    }));
}
