/**
 * What the engine produces for each report: shared by the engine and the directives that filter
 * its findings (a module of its own, so neither imports the other for it).
 */
import type { Fix, Path, Severity, Span } from '../types.js';
import type { Rule } from './rule.js';

export interface Finding {
  rule: Rule;
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  location: string | undefined;
  path: Path;
  part: 'value' | 'key' | 'member';
  span?: Span;
  fix?: () => Fix | Fix[] | undefined;
  data?: Record<string, unknown>;
  /** Order of the rule in the catalogue, then of emission: the stable order. */
  order: number;
}
