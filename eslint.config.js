/**
 * ESLint: typescript-eslint's type-aware recommended rules and the React hooks rules, over the code and its
 * tests, scripts, benchmarks and media recorders. `npm run lint`; part of `npm test`.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', '.tmp/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // One TypeScript program for the whole tree (tsconfig.json), the same one `tsc --noEmit` checks.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An unused value is an error, except a name that says it is unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/require-await': 'off', // an async function that awaits nothing still keeps a Promise-returning contract (deps, fakes); a promise left floating is what no-floating-promises catches
    },
  },
  {
    // Tests read the program's JSON output with JSON.parse (typed `any`) and assert on it: a wrong shape fails
    // the assertion, which is the check these rules would ask for by hand.
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off', // see above: parsed output under test
      '@typescript-eslint/no-unsafe-member-access': 'off', // see above: parsed output under test
      '@typescript-eslint/no-unsafe-argument': 'off', // see above: parsed output under test
      '@typescript-eslint/no-unsafe-call': 'off', // see above: parsed output under test
      '@typescript-eslint/no-unsafe-return': 'off', // see above: parsed output under test
    },
  },
  {
    // The React hooks rules, where React code lives (e2e tests have fixtures named use* that are no hooks).
    files: ['src/ui/**/*.{ts,tsx}', '**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Plain JavaScript (the build and packaging scripts, the launcher stub) is outside the TypeScript program.
    files: ['**/*.{js,cjs,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' }, // CommonJS loads with require()
  },
);
