/**
 * Your presets and the project's together. A project preset wins a name clash (the team's answers are the
 * shared ones) and is marked as hiding yours; saving, renaming and deleting still act on your own presets only
 * (a project preset is a file in the repository, changed through a review).
 */
import { InputError } from '../request/issues.js';
import type { ProjectPresets } from './project-presets.js';
import type { Preset, WizardStore } from './types.js';

/** One row of a full listing: a preset, where it comes from, and whether a project preset hides it. */
export interface ListedPreset {
  preset: Preset;
  origin: 'project' | 'personal';
  /** A personal preset hidden by the project preset of the same name (that file). */
  hiddenBy?: string;
}

/** Every preset, project and personal, hidden ones included, by name (project first on a clash). */
export function listAllPresets(personal: readonly Preset[], project: ProjectPresets | undefined): ListedPreset[] {
  const fromProject = new Map((project?.presets ?? []).map((preset) => [preset.name, preset]));
  const rows: ListedPreset[] = [
    ...[...fromProject.values()].map((preset): ListedPreset => ({ preset, origin: 'project' })),
    ...personal.map((preset): ListedPreset => {
      const winner = fromProject.get(preset.name);
      return { preset, origin: 'personal', ...(winner ? { hiddenBy: winner.file! } : {}) };
    }),
  ];
  return rows.sort((a, b) => a.preset.name.localeCompare(b.preset.name) || (a.origin === 'project' ? -1 : 1));
}

/** The presets one name stands for: the project's when it has one (marked when it hides yours), else yours. */
export function withProjectPresets(personal: WizardStore['presets'], project: ProjectPresets): WizardStore['presets'] {
  const effective = (): Preset[] => {
    const own = personal.list();
    const mine = new Set(own.map((preset) => preset.name));
    const fromProject = project.presets.map((preset) => (mine.has(preset.name) ? { ...preset, hidesPersonal: true } : preset));
    const taken = new Set([...fromProject.map((preset) => preset.name), ...project.broken.keys()]);
    return [...fromProject, ...own.filter((preset) => !taken.has(preset.name))].sort((a, b) => a.name.localeCompare(b.name));
  };
  return {
    list: effective,
    get(name) {
      // A broken project preset is an error, not a fallback to a personal one of that name: the team's wins.
      const broken = project.broken.get(name);
      if (broken) throw new InputError(broken.issues);
      return effective().find((preset) => preset.name === name);
    },
    save: (name, answers, description) => personal.save(name, answers, description),
    delete: (name) => personal.delete(name),
    rename: (from, to) => personal.rename(from, to),
  };
}
