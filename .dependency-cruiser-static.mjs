/**
 * What an entry point loads before its first `import()`: the graph of static, value imports (dynamic imports
 * and type-only imports left out, as the build leaves them out of a chunk). Run by `npm run deps:check` after
 * .dependency-cruiser.mjs, which checks the layers on the whole graph.
 *
 * These are the source-level half of the start-up budget (README, Benchmarks); the built half is checked by
 * test/cli/create-dry-run.test.ts on what the bundle really loads.
 */

/** Packages whose loading costs a first frame or a dry run what it cannot spare. */
const HEAVY = '^node_modules/(@aws-sdk|@smithy|ink|react|yoga-layout|yaml|jmespath)/';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'lean-startup',
      severity: 'error',
      comment: 'The launcher and cli.ts reach no AWS SDK, Ink, React, YAML or JMESPath: the command chosen loads what it needs.',
      from: { path: '^src/(launcher|cli)[.]ts$' },
      to: { path: HEAVY, reachable: true },
    },
    {
      name: 'lean-create',
      severity: 'error',
      comment: '`create` loads the SDK only to send and Ink only for the wizard: a dry run and --generate-cli-skeleton load none of them.',
      from: { path: '^src/commands/create[.]ts$' },
      to: { path: HEAVY, reachable: true },
    },
    {
      name: 'plain-mode-without-ink',
      severity: 'error',
      comment: 'The plain mode (screen readers, TERM=dumb) never loads Ink or React.',
      from: { path: '^src/plain/' },
      to: { path: '^node_modules/(ink|react|yoga-layout)/', reachable: true },
    },
    {
      name: 'ui-without-sdk',
      severity: 'error',
      comment: 'The first frame does not wait for the AWS SDK: the UI gets AWS through its dependencies, loaded after the frame.',
      from: { path: '^src/(ui|wizard-flow)/' },
      to: { path: '^node_modules/(@aws-sdk|@smithy)/', reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules' },
    exclude: { dynamic: true },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
