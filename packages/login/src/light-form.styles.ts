/**
 * Additions to core's scoped light-DOM form styles (`scopedFormCss`): the password checklist, the form
 * layout and the visually-hidden helper. Scoped to the element with `@scope (<tag>)`, so host-page CSS is
 * not touched; values come from the `--_*` tokens core sets on the scope root.
 */
export function lightExtrasCss(tag: string): string {
  return `@scope (${tag}) {
:scope .hp-lightform { display: block; }
:scope .hp-lightform:empty { display: none; }
:scope .hp-lightform form { margin: 0; padding: 0; border: 0; }
:scope .hp-lightform form[aria-busy='true'] { cursor: progress; }
:scope .hp-lightform .actions { display: flex; flex-wrap: wrap; gap: var(--_space-s); align-items: center; }
:scope .hp-lightform button[aria-disabled='true'] { opacity: 0.7; cursor: progress; }
:scope .hp-lightform label { float: none; margin: 0; padding: 0; text-align: start; visibility: visible; }
:scope .hp-lightform label:not(.check) { display: block; }
:scope .hp-lightform input:not([type='checkbox'], [type='hidden'], [hidden]) { display: block; visibility: visible; }
:scope .hp-lightform input { margin: 0; box-shadow: none; float: none; box-sizing: border-box; }
:scope .hp-lightform .checklist { font-size: var(--_font-size-s); color: var(--_text); }
:scope .hp-lightform .checklist ul { list-style: none; margin: var(--_space-xs) 0 0; padding: 0; display: grid; gap: 0.125rem; }
:scope .hp-lightform .rule { display: flex; gap: var(--_space-xs); margin: 0; padding: 0; }
:scope .hp-lightform .rule::before { content: none; }
:scope .hp-lightform .rule-mark { inline-size: 1em; flex: none; font-weight: 700; color: var(--_text-muted); }
:scope .hp-lightform .rule[data-met='true'] .rule-mark { color: var(--_success); }
:scope .hp-lightform .checklist-ok { display: block; margin-block-start: var(--_space-xs); color: var(--_success); font-weight: 600; }
:scope .hp-lightform .error-text { font-weight: 600; }
:scope .hp-lightform .visually-hidden {
  position: absolute; inline-size: 1px; block-size: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; border: 0;
}
}`;
}
