/** AWS's location strings: `/States/P/Branches[0]/States/X`, `/States/C/Choices[0]/Next`. */
import type { Path } from '../types.js';

export function formatLocation(path: Path): string {
  if (path.length === 0) return '/';
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += `/${seg}`;
  }
  return out;
}
