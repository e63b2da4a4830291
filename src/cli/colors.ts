/**
 * Whether to colour the output, and the styles to use.
 * Order of precedence: --color/--no-color (the last given), then writing to --output-file (a
 * file gets no escapes), then NO_COLOR (https://no-color.org), then FORCE_COLOR, then whether
 * stdout is a terminal (and TERM is not "dumb"). NO_COLOR winning over FORCE_COLOR follows
 * picocolors, which draws the styles.
 */
import { lazyPackage } from '../lazy.js';
import type { Colors } from './formatters/types.js';

export interface ColorInputs {
  flag: boolean | undefined;
  toFile: boolean;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export function shouldColor({ flag, toFile, env, isTTY }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  return isTTY && env.TERM !== 'dumb';
}

const loadPicocolors = lazyPackage<{ createColors(enabled: boolean): Colors }>('picocolors');

/** picocolors' styles, forced on or off (it would otherwise look at process.argv and the env itself). */
export function colorsFor(enabled: boolean): Colors {
  return loadPicocolors().createColors(enabled);
}
