/** Types of vscode-extension/bundled-packages.mjs (for test/lazy.test.ts; the bundle runs the .mjs). */

/** The packages asl-lint loads on first use, each with the loader the bundle follows. */
export const BUNDLED_PACKAGES: Readonly<Record<string, () => unknown>>;
