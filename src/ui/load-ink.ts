/** Loads Ink and the app, after the layout engine they need (see layout-engine.ts). */
import { loadLayoutEngine } from './layout-engine.js';

export async function loadInkAndApp(): Promise<[typeof import('ink'), typeof import('./app.js')]> {
  await loadLayoutEngine();
  return Promise.all([import('ink'), import('./app.js')]);
}
