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
 * Instantiates yoga's WebAssembly once. The bundle's yoga reads it from a file beside its chunk (yogaWithWasmFile in
 * scripts/ink-patches.js): no base64 to decode, and no `fetch` of a `data:` URL, whose first touch would load
 * undici, Node's whole HTTP client (about 20 ms).
 */
export async function loadLayoutEngine(): Promise<Yoga> {
  yoga ??= await loadYoga();
  return yoga;
}
