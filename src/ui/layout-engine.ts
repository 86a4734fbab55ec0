/**
 * Yoga, the flexbox engine Ink lays out with, loaded before Ink rather than by it.
 *
 * The bundle is one CommonJS script, so that V8 can keep a code cache of it (see src/launcher.ts), and a script
 * cannot hold yoga-layout's top-level `await`. scripts/build.js therefore resolves Ink's `import Yoga from
 * 'yoga-layout'` to this module, whose default export is a live binding filled in by `loadLayoutEngine()`;
 * `loadInkAndApp()` calls it before Ink's modules run. (Under the tests, Ink imports yoga-layout itself.)
 */
import { loadYoga, type Yoga } from 'yoga-layout/load';

let yoga: Yoga | undefined;
export { yoga as default };

/**
 * Instantiates yoga's WebAssembly once. `fetch` is hidden meanwhile: when it exists, yoga fetches its embedded
 * `data:` URL with it, and that first touch of `fetch` loads undici, Node's whole HTTP client (about 20 ms,
 * measured with --cpu-prof). Without it yoga decodes the same bytes directly.
 */
export async function loadLayoutEngine(): Promise<Yoga> {
  if (yoga) return yoga;
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (descriptor?.configurable) Reflect.deleteProperty(globalThis, 'fetch');
  try {
    yoga = await loadYoga();
    return yoga;
  } finally {
    if (descriptor?.configurable) Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
