/** Types of bench/generate.mjs (for the tests that import it; the benchmark itself runs the .mjs). */

type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

/** mulberry32: a seeded generator of numbers in [0, 1). */
export function prng(seed: number): () => number;

/** A generated definition: `states` states in total (nested ones included), `warnings` of them carrying one AWS warning. */
export function generateDefinition(states: number, options?: { seed?: number; warnings?: boolean }): { definition: { [k: string]: JsonValue }; text: string; states: number; warnings: number };

/** Every state of every scope of a definition. */
export function countStates(definition: { [k: string]: JsonValue }): number;
