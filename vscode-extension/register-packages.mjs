/** Hands the bundled packages to src/lazy.ts (see server-entry.mjs). */
import { registerBundledPackages } from '../src/lazy.ts';
import { BUNDLED_PACKAGES } from './bundled-packages.mjs';

registerBundledPackages(BUNDLED_PACKAGES);
