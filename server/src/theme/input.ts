import { resolve } from 'node:path';
import type { Theme, ThemeInput } from '@hausportal/api';
import type { DerivedTheme } from '@hausportal/api/theme.js';
import { repoRoot } from '../config.ts';
import { contractViolations } from '../http/openapi-validate.ts';
import { HttpProblem, validationProblem, type ContractViolation } from '../http/problems.ts';
import { oneLineProblem } from '../org-settings/rules.ts';

// The rules of a theme's input (openapi.yaml ThemeInput), the same for PUT /admin/theme, the import and the operator
// command: the contract's schema first, then what a schema cannot say.

/** The contract whose schemas the input is checked against. */
export const contractFile = resolve(repoRoot, 'packages', 'api', 'openapi.yaml');

/**
 * One entry of a CSS font-family list: a quoted name (`'Source Sans 3'`) or unquoted words (`system-ui`,
 * `Helvetica Neue`). A stray quote would leave the CSS custom property open and break every rule after it.
 */
const fontEntry = /^\s*(?:'[^'"]+'|"[^'"]+"|[A-Za-z0-9_-]+(?: +[A-Za-z0-9_-]+)*)\s*$/;

/**
 * Every broken rule of `input` as a theme input, with JSON pointers below `at` (`/primary`; `/input/primary` for an
 * import): the contract's ThemeInput (colours `#rrggbb`, font-family characters, radius `4px`/`0.5rem` up to 99,
 * name ≤ 80, nothing else), then: each font-family entry quoted as a whole or plain words, none empty; the name on
 * one line and not blank. Empty when the input is fine.
 */
export function themeInputProblems(input: unknown, at = ''): ContractViolation[] {
  const violations = contractViolations(contractFile, 'ThemeInput', input, at);
  if (violations.length > 0 || typeof input !== 'object' || input === null) return violations;
  const { fontFamily, name } = input as ThemeInput;
  const badEntry = fontFamily?.split(',').findIndex((entry) => !fontEntry.test(entry)) ?? -1;
  if (badEntry >= 0)
    violations.push({ field: `${at}/fontFamily`, keyword: 'fontFamily', message: `Entry ${badEntry + 1} of the font list is empty or not quoted as a whole, e.g. 'Source Sans 3', system-ui, sans-serif.` });
  const nameProblem = name === undefined ? null : oneLineProblem(name, 'The name');
  if (nameProblem) violations.push({ field: `${at}/name`, keyword: 'line', message: nameProblem });
  return violations;
}

/** Throws 400 `validation_failed` (RFC 9457, one error per field) when {@link themeInputProblems} finds any. */
export function checkThemeInput(input: unknown, at = ''): asserts input is ThemeInput {
  const violations = themeInputProblems(input, at);
  if (violations.length > 0) throw validationProblem(violations.map((v) => `${v.field}: ${v.message}`).join('; '), violations);
}

/** The input as it is stored: colours in lower case, the font list and name trimmed, keys in a fixed order. */
export function normalizedInput(input: ThemeInput): ThemeInput {
  const out: ThemeInput = { primary: input.primary.toLowerCase(), accent: input.accent.toLowerCase() };
  if (input.neutral) out.neutral = input.neutral.toLowerCase();
  if (input.fontFamily) out.fontFamily = input.fontFamily.trim();
  if (input.radius) out.radius = input.radius;
  if (input.name !== undefined) out.name = input.name.trim();
  return out;
}

/** The colours a theme starts from when nothing is stored at all (a petrol blue and an amber, like the Hamburg demo). */
export const fallbackInput: ThemeInput = { primary: '#0b5d7a', accent: '#e3a21a' };

const colour = /^#[0-9a-fA-F]{6}$/;

/**
 * The input of an organization: `organizations.theme_input`, or for one stored before the derivation (`'{}'`) the
 * input its old theme implies: its primary, its accent (else the primary), its font and radius where they pass the
 * rules; {@link fallbackInput}'s colours where even those are missing.
 */
export function storedInput(themeInput: Partial<ThemeInput>, theme: Theme): ThemeInput {
  if (themeProblemsFree(themeInput)) return normalizedInput(themeInput as ThemeInput);
  const primary = typeof theme.primary === 'string' && colour.test(theme.primary) ? theme.primary : fallbackInput.primary;
  const accent = typeof theme.accent === 'string' && colour.test(theme.accent) ? theme.accent : theme.accent === undefined ? primary : fallbackInput.accent;
  const input: ThemeInput = { primary, accent };
  if (theme.fontFamily && themeProblemsFree({ ...input, fontFamily: theme.fontFamily })) input.fontFamily = theme.fontFamily;
  if (theme.radius && themeProblemsFree({ ...input, radius: theme.radius })) input.radius = theme.radius;
  return normalizedInput(input);
}

const themeProblemsFree = (input: unknown): boolean => themeInputProblems(input).length === 0;

/** Which input colour a token comes from, for the field of a contrast problem. */
const sourceOf = (token: string, input: ThemeInput): keyof ThemeInput => {
  if (/accent/i.test(token)) return 'accent';
  if (/primary|focus/i.test(token) || !input.neutral) return 'primary';
  return 'neutral';
};

/**
 * Throws 400 `contrast_failed` when a pair of the derived set misses its WCAG 2.2 AA ratio (SC 1.4.3 text 4.5:1,
 * SC 1.4.11 UI edges 3:1), naming the input colour the foreground comes from (below `at`). The derivation adjusts
 * lightness until every pair passes, so this guards the stored themes against a derivation that could not.
 */
export function checkContrast(derived: DerivedTheme, input: ThemeInput, at = ''): void {
  const failed = derived.contrast.filter((c) => !c.pass);
  if (failed.length === 0) return;
  const errors = failed.map((c) => ({
    field: `${at}/${sourceOf(c.foreground, input)}`,
    code: 'contrast',
    message: `${c.foreground} on ${c.background} (${c.scheme}) has a contrast of ${c.ratio}:1, below ${c.required}:1.`,
  }));
  throw new HttpProblem(400, 'contrast_failed', `The derived colours miss WCAG 2.2 AA: ${errors.map((e) => e.message).join(' ')}`, { errors });
}
