/**
 * Every `{% %}` string of the JSONata states, with its analysis (cached per model). A string with
 * a deploy-time placeholder (`{% $states.input.${Field} %}`) is analysed with each placeholder
 * read as a variable: when that does not parse, nothing is said about it (the placeholder may
 * stand for any text), and ranges fall back to the whole string.
 */
import type { StateMachine } from '../model/model.js';
import { sitesOf, type JsonataSite } from './sites.js';
import { analyzeJsonata, analyzeJsonataString, expressionText, type JsonataAnalysis } from './jsonata.js';
import { hasPlaceholder, replacePlaceholders } from '../parse/placeholder.js';
import { perObject } from '../memo.js';

export interface AnalyzedJsonata {
  site: JsonataSite;
  analysis: JsonataAnalysis;
  /** The string holds placeholders: positions inside it are approximate, syntax errors unknown. */
  placeholder: boolean;
}

const STAND_IN = '$__placeholder';

export const analyzedJsonata: (model: StateMachine) => AnalyzedJsonata[] = perObject(analyzeJsonataSites);

function analyzeJsonataSites(model: StateMachine): AnalyzedJsonata[] {
  const out: AnalyzedJsonata[] = [];
  for (const site of sitesOf(model).jsonata) {
    const placeholder = hasPlaceholder(site.value as unknown);
    const analysis = placeholder ? analyzeJsonata(expressionText(replacePlaceholders(site.value, STAND_IN))) : analyzeJsonataString(site.value);
    if (placeholder && analysis.error) continue;
    out.push({
      site,
      placeholder,
      analysis: placeholder ? { ...analysis, variables: analysis.variables.filter((v) => v.name !== '__placeholder') } : analysis,
    });
  }
  return out;
}

/** Offset of the expression text inside the `{% %}` string. */
export const EXPRESSION_OFFSET = 2;
