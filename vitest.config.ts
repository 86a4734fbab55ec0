import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
// @ts-expect-error a JavaScript script of the project (the build shares it), without types
import * as patches from './scripts/ink-patches.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const WRAPPED = '\0one-column-string-width:';

/**
 * The component tests render the Ink that ships: the build's changes to Ink and its text libraries
 * (scripts/ink-patches.js) applied to the same modules here. Only loading differs: Ink imports yoga-layout
 * itself, and the real string-width loads at once rather than on first need.
 */
function inkAsShipped(): Plugin {
  return {
    name: 'ink-as-shipped',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source === 'is-in-ci') return patches.inkOnATerminal(root);
      // Ink's libraries measure through the one-column shortcut; a test may still import the real string-width.
      if (source === 'string-width' && importer?.includes('/node_modules/') && !importer.startsWith(WRAPPED)) {
        const real = await this.resolve(source, importer, { ...options, skipSelf: true });
        return real ? `${WRAPPED}${real.id}` : null;
      }
      return null;
    },
    load(id) {
      if (id.startsWith(WRAPPED)) return patches.stringWidthWrapper(patches.oneColumnText(root), id.slice(WRAPPED.length), { lazy: false });
      // Inlined packages point to source maps of sources they do not ship: read without that pointer (no warning).
      if (id.includes('/node_modules/') && id.endsWith('.js')) return readFileSync(id, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
      return null;
    },
    transform(code, id) {
      if (patches.RECONCILER.test(id)) return patches.reconcilerWithoutDevtools(code);
      if (patches.LOG_UPDATE.test(id)) return patches.logUpdateWithLineDiffFix(code);
      if (patches.SEGMENTER_FILES.test(id)) return patches.withGraphemeShortcut(code, patches.oneColumnText(root), id);
      if (patches.ANSI_DIFF.test(id)) return patches.ansiDiffWithSameStyleShortcut(code, id);
      return null;
    },
  };
}

export default defineConfig({
  plugins: [inkAsShipped()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The pty end-to-end tests spawn the built binary; two cores, so keep parallelism modest.
    maxWorkers: 2,
    // Processed by Vite (not loaded by Node as they are), so that the plugin above reaches them: Ink, what
    // renders with it, and its text libraries.
    server: {
      deps: {
        inline: ['ink', 'ink-testing-library', 'ink-text-input', 'ink-select-input', 'is-in-ci', 'string-width', 'slice-ansi', '@alcalzone/ansi-tokenize', 'cli-truncate', 'widest-line', 'wrap-ansi'],
      },
    },
  },
});
