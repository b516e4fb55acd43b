import { unsafeCSS } from 'lit';
import { tokenRules } from './tokens.js';

/** Form rules below a root selector (`:host` in a shadow root, `:scope` in a light-DOM @scope block). */
export function formRules(root = ':host'): string {
  const r = root === ':host' ? '' : `${root} `;
  return `
${r}form { display: grid; gap: var(--_space-m); max-width: 100%; }
${r}fieldset { border: 0; margin: 0; padding: 0; min-width: 0; display: grid; gap: var(--_space-m); }
${r}legend { font-weight: 600; margin-bottom: var(--_space-s); padding: 0; }
${r}.field { display: grid; gap: var(--_space-xs); min-width: 0; }
${r}label { font-weight: 600; font-size: var(--_font-size-s); color: var(--_text); }
${r}.hint { font-size: var(--_font-size-s); color: var(--_text-muted); margin: 0; }
${r}input:not([type='checkbox'], [type='radio']), ${r}select, ${r}textarea {
  font: inherit; color: var(--_text); background: var(--_surface);
  border: 1px solid var(--_border); border-radius: var(--_radius);
  padding: var(--_space-s) var(--_space-m); min-height: 2.75rem; width: 100%; max-width: 100%;
}
${r}input[type='checkbox'], ${r}input[type='radio'] { accent-color: var(--_primary); width: 1.25rem; height: 1.25rem; margin: 0; }
${r}.check { display: flex; gap: var(--_space-s); align-items: flex-start; font-weight: 400; }
${r}input:focus-visible, ${r}select:focus-visible, ${r}textarea:focus-visible, ${r}button:focus-visible, ${r}a:focus-visible {
  outline: 2px solid transparent; box-shadow: var(--_focus-ring); border-color: var(--_primary);
}
${r}[aria-invalid='true'] { border-color: var(--_danger) !important; }
${r}.error-text { color: var(--_danger); font-size: var(--_font-size-s); margin: 0; }
${r}button, ${r}.button {
  font: inherit; font-weight: 600; cursor: pointer; min-height: 2.75rem;
  padding: var(--_space-s) var(--_space-l); border-radius: var(--_radius);
  border: 1px solid var(--_primary); background: var(--_primary); color: var(--_on-primary);
  display: inline-flex; align-items: center; justify-content: center; gap: var(--_space-s); text-decoration: none;
}
${r}button:hover:not(:disabled), ${r}.button:hover { background: var(--_primary-hover); border-color: var(--_primary-hover); }
${r}button.secondary, ${r}.button.secondary { background: transparent; color: var(--_primary); }
${r}button.secondary:hover:not(:disabled), ${r}.button.secondary:hover { background: var(--_primary-soft); border-color: var(--_primary); }
${r}button.link { background: none; border: 0; padding: 0; min-height: auto; color: var(--_primary); text-decoration: underline; font-weight: 400; }
${r}button:disabled { opacity: 0.6; cursor: not-allowed; }
${r}a { color: var(--_primary); }
`;
}

/** Styles for inputs, buttons, labels and error texts inside a shadow root (after `hostStyles`). */
export const formStyles = unsafeCSS(formRules(':host'));

/**
 * A stylesheet text for a form rendered in light DOM (password managers need that), scoped to the element:
 * `@scope (hp-login) { … }` with the tokens on the scope root. Add it once to the element's root node.
 */
export function scopedFormCss(tag: string): string {
  return `@scope (${tag}) {\n${tokenRules(':scope')}\n${formRules(':scope')}\n}`;
}

const adopted = new WeakMap<Document | ShadowRoot, Set<string>>();

/** Adds `scopedFormCss(tag)` to the document or shadow root holding `element`, once per root and tag. */
export function adoptScopedFormStyles(element: Element, tag = element.localName): void {
  const root = element.getRootNode() as Document | ShadowRoot;
  if (!('adoptedStyleSheets' in root)) return;
  const done = adopted.get(root) ?? new Set<string>();
  if (done.has(tag)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(scopedFormCss(tag));
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  done.add(tag);
  adopted.set(root, done);
}
