import type { FormDefinition, FormField, LocalizedName } from '@hausportal/api';
import { lineProblem } from '../http/upload.ts';

// What a form definition must satisfy beyond its schema (openapi.yaml FormDefinition), checked before a manager's
// version is stored: the rules that make every submission against it decidable.

/** One broken rule: `field` is a JSON pointer into the definition (e.g. `/fields/3/showIf/field`). */
export interface DefinitionProblem {
  field: string;
  message: string;
}

/**
 * Titles and labels are single lines (they become ticket subjects, mail subjects and option texts): no line breaks
 * or other control characters, not blank. Returns a problem per offending language.
 */
function nameProblems(at: string, name: LocalizedName | undefined): DefinitionProblem[] {
  if (!name) return [];
  return (['de', 'en'] as const).flatMap((lang) => {
    const problem = lineProblem(name[lang], 'The text');
    return problem ? [{ field: `${at}/${lang}`, message: problem }] : [];
  });
}

/** Every title and label of a definition with its pointer: the form's title, fields, options, groups and levels. */
function labelProblems(definition: FormDefinition): DefinitionProblem[] {
  const options = (at: string, list: FormField['options']) =>
    (list ?? []).flatMap((o, j) => [...nameProblems(`${at}/${j}/label`, o.label), ...nameProblems(`${at}/${j}/group`, o.group)]);
  return [
    ...nameProblems('/title', definition.title),
    ...definition.fields.flatMap((field, i) => [
      ...nameProblems(`/fields/${i}/label`, field.label),
      ...options(`/fields/${i}/options`, field.options),
      ...(field.levels ?? []).flatMap((level, k) => [...nameProblems(`/fields/${i}/levels/${k}/label`, level.label), ...options(`/fields/${i}/levels/${k}/options`, level.options)]),
    ]),
  ];
}

/** The cascade's levels in their only order; a cascade has the first one, two or all three. */
export const cascadeOrder = ['location', 'category', 'problem'] as const;

/** Field types whose value is one of `options` or a subset of them. */
const optionTypes = new Set<FormField['type']>(['select', 'multiselect']);

function optionProblems(at: string, options: { value: string }[]): DefinitionProblem[] {
  const seen = new Set<string>();
  const problems: DefinitionProblem[] = [];
  options.forEach((o, j) => {
    if (seen.has(o.value)) problems.push({ field: `${at}/${j}/value`, message: `The option value "${o.value}" is used twice.` });
    seen.add(o.value);
  });
  return problems;
}

function cascadeProblems(at: string, field: FormField): DefinitionProblem[] {
  const levels = field.levels ?? [];
  if (levels.length === 0) return [{ field: `${at}/levels`, message: 'A cascade needs its levels (location, category, problem).' }];
  const problems: DefinitionProblem[] = [];
  levels.forEach((level, k) => {
    const levelAt = `${at}/levels/${k}`;
    if (level.key !== cascadeOrder[k]) problems.push({ field: `${levelAt}/key`, message: `Level ${k + 1} must be "${cascadeOrder[k]}" (levels go location → category → problem).` });
    problems.push(...optionProblems(`${levelAt}/options`, level.options));
    const before = k > 0 ? new Set(levels[k - 1]!.options.map((o) => o.value)) : null;
    level.options.forEach((o, j) => {
      if (!o.parents) return;
      if (!before) {
        problems.push({ field: `${levelAt}/options/${j}/parents`, message: 'Options of the first level have no parents.' });
        return;
      }
      o.parents.forEach((parent, m) => {
        if (!before.has(parent)) problems.push({ field: `${levelAt}/options/${j}/parents/${m}`, message: `"${parent}" is no option of the level before.` });
      });
    });
  });
  return problems;
}

/** The rules of one field, given the fields before it (by key). */
function fieldProblems(field: FormField, i: number, earlier: Map<string, FormField>): DefinitionProblem[] {
  const at = `/fields/${i}`;
  const problems: DefinitionProblem[] = [];
  if (earlier.has(field.key)) problems.push({ field: `${at}/key`, message: `The key "${field.key}" is used by an earlier field.` });
  if (field.showIf) {
    const source = earlier.get(field.showIf.field);
    if (!source) problems.push({ field: `${at}/showIf/field`, message: `showIf must name an earlier field; "${field.showIf.field}" is none.` });
    else if (source.type === 'info') problems.push({ field: `${at}/showIf/field`, message: 'showIf cannot name an info field (it has no value).' });
    if (field.showIf.equals === undefined && field.showIf.in === undefined) problems.push({ field: `${at}/showIf`, message: 'showIf needs `equals` or `in`.' });
  }
  if (optionTypes.has(field.type)) {
    if (!field.options || field.options.length === 0) problems.push({ field: `${at}/options`, message: `A ${field.type} field needs options.` });
    else problems.push(...optionProblems(`${at}/options`, field.options));
  }
  if (field.type === 'cascade') problems.push(...cascadeProblems(at, field));
  if (field.prefill !== undefined && field.type !== 'amount') problems.push({ field: `${at}/prefill`, message: 'Only an amount field can be pre-filled.' });
  if (field.minSlots !== undefined && field.maxSlots !== undefined && field.maxSlots < field.minSlots) problems.push({ field: `${at}/maxSlots`, message: 'maxSlots must not be less than minSlots.' });
  if (field.min !== undefined && field.max !== undefined && field.max < field.min) problems.push({ field: `${at}/max`, message: 'max must not be less than min.' });
  if (field.mapsTo === 'subject' && field.type !== 'text') problems.push({ field: `${at}/mapsTo`, message: 'The subject can only come from a text field.' });
  if (field.mapsTo === 'urgency' && field.type !== 'select') problems.push({ field: `${at}/mapsTo`, message: 'The urgency can only come from a select field.' });
  if (field.type === 'info' && !field.text) problems.push({ field: `${at}/text`, message: 'An info field needs its text.' });
  return problems;
}

/**
 * The rules a definition breaks beyond its schema, in field order; empty when it may be stored: unique field keys,
 * `showIf` naming an earlier field, options for select and multiselect (unique values), cascade levels in the order
 * location → category → problem whose options' `parents` name options of the level before, `prefill` only on an
 * amount, maxSlots ≥ minSlots, max ≥ min, at most one field mapped to the subject (a text) and one to the urgency (a
 * select), at most one cascade and one unit field, consent text when consent is required, an active window that
 * does not end before it begins, and titles and labels on one line.
 */
export function definitionProblems(definition: FormDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const earlier = new Map<string, FormField>();
  const once = new Map<string, number>();
  definition.fields.forEach((field, i) => {
    problems.push(...fieldProblems(field, i, earlier));
    if (!earlier.has(field.key)) earlier.set(field.key, field);
    for (const [kind, applies, at, message] of [
      ['mapsTo:subject', field.mapsTo === 'subject', 'mapsTo', 'Only one field can give the subject.'],
      ['mapsTo:urgency', field.mapsTo === 'urgency', 'mapsTo', 'Only one field can give the urgency.'],
      ['type:cascade', field.type === 'cascade', 'type', 'A form has at most one cascade.'],
      ['type:unit', field.type === 'unit', 'type', 'A form has at most one unit field.'],
    ] as const) {
      if (!applies) continue;
      if (once.has(kind)) problems.push({ field: `/fields/${i}/${at}`, message });
      else once.set(kind, i);
    }
  });
  if (definition.privacy.consentRequired && !definition.privacy.consentText) problems.push({ field: '/privacy/consentText', message: 'Consent needs its text.' });
  if (definition.activeFrom && definition.activeUntil && definition.activeUntil < definition.activeFrom) problems.push({ field: '/activeUntil', message: 'activeUntil must not be before activeFrom.' });
  problems.push(...labelProblems(definition));
  return problems;
}
