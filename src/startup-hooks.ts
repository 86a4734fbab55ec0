/**
 * Points in a run that the launcher (src/launcher.ts) wants to hear about. It saves V8's code cache at the first
 * frame, so the cache holds what the next start compiles before its first frame, and not the AWS SDK after it.
 */
export interface StartupHooks {
  /** The wizard's first frame is on screen. */
  firstFrameShown?(): void;
}

let hooks: StartupHooks = {};

export function setStartupHooks(given: StartupHooks): void {
  hooks = given;
}

export function firstFrameShown(): void {
  hooks.firstFrameShown?.();
}
