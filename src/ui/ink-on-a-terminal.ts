/**
 * What Ink's `import isInCi from 'is-in-ci'` resolves to in the bundle and the component tests
 * (scripts/ink-patches.js): never "in CI".
 *
 * With CI, CONTINUOUS_INTEGRATION or any CI_* variable set, Ink draws nothing until it unmounts. The wizard
 * renders Ink only when stdin and stdout are both terminals (`create` falls back to `--no-interactive` rules
 * otherwise), so a person is reading it: a shell inside a CI job, or one that exports GitLab's CI_* variables,
 * must still see every frame.
 */
const isInCi = false;
export default isInCi;
