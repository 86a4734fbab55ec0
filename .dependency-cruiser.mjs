/**
 * Who may import whom in src/ (docs/architecture.md explains the layers). `npm run deps:check` runs this and
 * .dependency-cruiser-static.mjs (what the entry points load before any `import()`); `npm test` runs both.
 *
 * This graph holds every import, type-only and dynamic ones included: a type is part of a layer's interface.
 */

/** The layers below the commands: none of them chooses or draws a screen. */
const LOWER = '^src/(parameter-model|request|cli-output|aws|store|emulator|docs)/';

/** Modules at the top of src/ that every layer may use: options and exit codes, stdout, the shared domain types, startup hooks. */
const NEUTRAL = '^src/(options|stdout|domain-types|startup-hooks|redact-url|ini-file)[.]ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means two modules are one; split out what both need.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lower-layers-never-import-screens',
      severity: 'error',
      comment: 'The parameter model, the request, AWS, the store and the emulator never import the Ink UI, the plain mode or a command.',
      from: { path: LOWER },
      to: { path: '^src/(ui|plain|commands)/' },
    },
    {
      name: 'commands-load-screens-lazily',
      severity: 'error',
      comment: 'A command loads the Ink UI or the plain mode only by import() of its entry (run-wizard, run-status, run-plain), once it knows it needs one.',
      from: { path: '^src/commands/' },
      to: { path: '^src/(ui|plain)/', pathNot: '^src/(ui/(run-wizard|status/run-status)|plain/run-plain)[.]ts$' },
    },
    {
      name: 'commands-import-screens-only-dynamically',
      severity: 'error',
      comment: 'A static import would load Ink and React for a dry run, `history` or `presets`.',
      from: { path: '^src/commands/' },
      to: { path: '^src/(ui|plain)/', dependencyTypesNot: ['dynamic-import'] },
    },
    {
      name: 'neutral-modules-stay-neutral',
      severity: 'error',
      comment: 'The modules every layer may import import no layer above the request model themselves.',
      from: { path: NEUTRAL },
      to: { path: '^src/', pathNot: ['^src/(request|parameter-model)/', NEUTRAL] },
    },
    {
      name: 'parameter-model-is-the-bottom',
      severity: 'error',
      comment: 'The parameter model (src/parameter-model) reads no other module of the program: everything else reads it.',
      from: { path: '^src/parameter-model/' },
      to: { path: '^src/', pathNot: '^src/parameter-model/' },
    },
    {
      name: 'request-reads-only-parameter-model',
      severity: 'error',
      comment: 'Parsing, validating and rendering a request needs the parameter model and nothing that talks to AWS or disk.',
      from: { path: '^src/request/' },
      to: { path: '^src/', pathNot: ['^src/(request|parameter-model)/', NEUTRAL] },
    },
    {
      name: 'request-takes-only-sdk-types',
      severity: 'error',
      comment:
        "Known exception to 'only src/aws imports the AWS SDK': the request model imports the SDK's input type (type-only, erased by the build), so the request type is the SDK's CreateFHIRDatastoreRequest and cannot drift from it. A value import would load the SDK for a dry run; the parameter model imports nothing at all.",
      from: { path: '^src/(request|parameter-model)/' },
      to: { path: '^node_modules/(@aws-sdk|@smithy)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'cli-output-reads-only-the-request',
      severity: 'error',
      comment: 'The AWS CLI output formatting (json, yaml, text, table, --query) serves AWS answers and local commands alike: it reads the parameter model, the request model and the neutral modules, never the client side or the store.',
      from: { path: '^src/cli-output/' },
      to: { path: '^src/', pathNot: ['^src/(cli-output|request|parameter-model)/', NEUTRAL] },
    },
    {
      name: 'wizard-flow-below-the-screens',
      severity: 'error',
      comment: 'The flow both front ends share (src/wizard-flow) renders nothing: it never imports the Ink app, the plain mode, a command, Ink or React.',
      from: { path: '^src/wizard-flow/' },
      to: { path: ['^src/(ui|plain|commands)/', '^node_modules/(ink|react)/'] },
    },

    {
      name: 'emulator-stands-alone',
      severity: 'error',
      comment: 'The emulator stands in for AWS: it shares the parameter model, validation and file locking, never the client side (aws), a screen or a command.',
      from: { path: '^src/emulator/' },
      to: { path: '^src/(aws|ui|plain|commands)/' },
    },
    {
      name: 'emulator-started-by-sandbox-or-command',
      severity: 'error',
      comment:
        'Only the sandbox (aws/sandbox.ts) and the `emulator` command start the emulator. Known exception: the shell completion and man page model reads the `emulator` command\'s flag table (command-line.ts, no server code) so that its flags are declared once.',
      from: { path: '^src/', pathNot: '^src/(emulator/|aws/sandbox[.]ts$|commands/emulator[.]ts$)' },
      to: { path: '^src/emulator/', pathNot: '^src/emulator/command-line[.]ts$' },
    },
    {
      name: 'store-below-aws',
      severity: 'error',
      comment: 'The store keeps what AWS answered but does not depend on the client. (Stored URLs go through the neutral redact-url.ts, which keeps credentials out of them.)',
      from: { path: '^src/store/' },
      to: { path: '^src/aws/' },
    },
    {
      name: 'plain-mode-without-views',
      severity: 'error',
      comment: "The plain mode shares the wizard's flow (src/wizard-flow: reducer, prompts, issues, the effects that render nothing) but nothing of the Ink app: no module of src/ui/, neither Ink nor React.",
      from: { path: '^src/plain/' },
      to: { path: ['^src/ui/', '^node_modules/(ink|react)/'] },
    },
    {
      name: 'screens-never-import-the-sdk',
      severity: 'error',
      comment: 'The UI and the plain mode talk to AWS through src/aws (the session), never through the SDK itself.',
      from: { path: '^src/(ui|plain|wizard-flow)/' },
      to: { path: '^node_modules/(@aws-sdk|@smithy)/' },
    },
    {
      name: 'entry-points-imported-by-nobody',
      severity: 'error',
      comment: 'The launcher and cli.ts start the program; nothing imports them.',
      from: { path: '^src/' },
      to: { path: '^src/(launcher|cli)[.]ts$' },
    },
    {
      name: 'launcher-built-on-its-own',
      severity: 'error',
      comment: 'The launcher is built as its own script and runs before the bundle: Node built-ins and env-paths only.',
      from: { path: '^src/launcher[.]ts$' },
      to: { dependencyTypesNot: ['core'], pathNot: '^node_modules/env-paths/' },
    },
    {
      name: 'no-test-tools-in-src',
      severity: 'error',
      comment: 'Development dependencies for tests and the build never reach the program (ink-text-input and ink-select-input are kept only for test/ui/ink-input-packages.test.tsx; the HCL parser, aws-cdk-lib and constructs only to read the exports back).',
      from: { path: '^src/' },
      to: {
        path: '^node_modules/(vitest|ink-testing-library|ink-text-input|ink-select-input|@lydell/node-pty|@xterm/headless|fast-check|dependency-cruiser|esbuild|typescript|@cdktf|aws-cdk-lib|constructs)/',
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing fails at run time.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
