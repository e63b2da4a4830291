/**
 * The placeholder grammar for the language checks and rules; it lives in the parse layer
 * (src/parse/placeholder.ts), which substitution and the model need too.
 */
export { hasPlaceholder, isPlaceholder } from '../parse/placeholder.js';
