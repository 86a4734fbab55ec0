/**
 * Loads Ink and the app without paying for Node's HTTP client at start-up.
 *
 * Ink's layout engine (yoga-layout) instantiates its WebAssembly with `fetch()` of a `data:` URL whenever a
 * global `fetch` exists. In Node that first touch of `fetch` loads undici, Node's whole HTTP client, which cost
 * about 20 ms before the first frame (measured with --cpu-prof). Without `fetch`, yoga decodes the same bytes
 * directly. `fetch` is hidden only while the modules initialise (yoga's top-level await) and restored after.
 */
export async function loadInkAndApp(): Promise<[typeof import('ink'), typeof import('./app.js')]> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (descriptor?.configurable) Reflect.deleteProperty(globalThis, 'fetch');
  try {
    return await Promise.all([import('ink'), import('./app.js')]);
  } finally {
    if (descriptor?.configurable) Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
