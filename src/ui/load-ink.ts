/** Loads Ink and the app, and the layout engine they need (see layout-engine.ts). */
import { loadLayoutEngine } from './layout-engine.js';

export async function loadInkAndApp(): Promise<[typeof import('ink'), typeof import('./app.js')]> {
  // Yoga compiles its WebAssembly off the main thread meanwhile; Ink reads yoga only when it lays out a frame.
  const layoutEngine = loadLayoutEngine();
  const modules = await Promise.all([import('ink'), import('./app.js')]);
  await layoutEngine;
  return modules;
}
