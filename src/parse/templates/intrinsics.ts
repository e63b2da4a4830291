/**
 * CloudFormation intrinsic functions inside a definition are resolved at deploy time, so for the
 * linter they are placeholders: `{"Fn::GetAtt": ["Fn", "Arn"]}` becomes the string `${Fn.Arn}`.
 */
import { setOwn } from '../own.js';

const INTRINSIC_KEY = /^(Fn::[A-Za-z0-9]+|Ref|Condition)$/;

/** The single key of a `{"Fn::X": ...}` / `{"Ref": ...}` object, if it is one. */
export function intrinsicKey(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  return keys.length === 1 && INTRINSIC_KEY.test(keys[0]) ? keys[0] : undefined;
}

/** A placeholder string standing for an intrinsic's value. */
export function intrinsicPlaceholder(v: Record<string, unknown>, subs: ReadonlyMap<string, string>): string {
  const key = Object.keys(v)[0];
  const arg = v[key];
  switch (key) {
    case 'Ref':
      return typeof arg === 'string' && subs.has(arg) ? subs.get(arg)! : `\${${String(arg)}}`;
    case 'Fn::GetAtt':
      return `\${${Array.isArray(arg) ? arg.map(String).join('.') : String(arg)}}`;
    case 'Fn::Sub': {
      const [tpl, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined];
      if (typeof tpl !== 'string') return '${Fn::Sub}';
      return substituteString(tpl, withVars(subs, vars));
    }
    case 'Fn::Join': {
      if (!Array.isArray(arg) || typeof arg[0] !== 'string' || !Array.isArray(arg[1])) return '${Fn::Join}';
      return arg[1].map((p) => (typeof p === 'string' ? p : intrinsicKey(p) ? intrinsicPlaceholder(p as Record<string, unknown>, subs) : '${Fn::Join}')).join(arg[0]);
    }
    default:
      return `\${${key}}`;
  }
}

/** Fn::Sub's variable map: string values are known, intrinsic ones are placeholders. */
export function withVars(subs: ReadonlyMap<string, string>, vars: unknown): Map<string, string> {
  const out = new Map(subs);
  if (vars && typeof vars === 'object' && !Array.isArray(vars)) {
    for (const [k, v] of Object.entries(vars)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.set(k, String(v));
      else out.delete(k);
    }
  }
  return out;
}

/** `${Name}` in a plain string, filled where known. */
function substituteString(s: string, subs: ReadonlyMap<string, string>): string {
  if (!s.includes('${')) return s;
  return s.replace(/\$\{([^{}!][^{}]*)\}/g, (m, name: string) => subs.get(name) ?? m);
}

/**
 * A definition value with intrinsics replaced by placeholders and known substitutions filled in
 * strings. Returns a new value; the input is not changed.
 */
export function resolveDefinitionValue(v: unknown, subs: ReadonlyMap<string, string>): unknown {
  if (typeof v === 'string') return substituteString(v, subs);
  if (Array.isArray(v)) return v.map((x) => resolveDefinitionValue(x, subs));
  if (v && typeof v === 'object') {
    if (intrinsicKey(v)) return intrinsicPlaceholder(v as Record<string, unknown>, subs);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, resolveDefinitionValue(x, subs));
    return out;
  }
  return v;
}
