/**
 * The `yaml` package, imported on demand: only `--output yaml`, `--cli-input-yaml` and the YAML previews need it,
 * and the start-up path must not pay for it.
 */
type YamlModule = typeof import('yaml');

/** Loads `yaml`. The bundle exposes a dynamically imported CommonJS package as `default` only, hence the fallback. */
export async function loadYaml(): Promise<YamlModule> {
  const loaded = (await import('yaml')) as YamlModule & { default?: YamlModule };
  return typeof loaded.stringify === 'function' ? loaded : loaded.default!;
}
