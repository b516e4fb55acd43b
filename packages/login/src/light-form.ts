import { render, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { adoptScopedFormStyles } from '@hausportal/core';
import { lightExtrasCss } from './light-form.styles.js';

type Host = ReactiveControllerHost & HTMLElement;

const sheets = new Map<string, CSSStyleSheet>();

/** One constructed stylesheet per CSS text, shared by every element and root that needs it. */
export function sharedSheet(cssText: string): CSSStyleSheet {
  let sheet = sheets.get(cssText);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(cssText);
    sheets.set(cssText, sheet);
  }
  return sheet;
}

/** Adds `sheet` to the document or shadow root once; later calls for the same root do nothing. */
export function adoptOnce(root: Node, sheet: CSSStyleSheet): void {
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  if (root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * Renders a template into the host's LIGHT DOM (a `<div slot="form">` child), so password managers see
 * the `<form>` and its inputs. The container's stylesheet is added once to the host's root node.
 */
export class LightFormController implements ReactiveController {
  readonly container: HTMLDivElement;
  private readonly host: Host;
  private readonly template: () => unknown;

  constructor(host: Host, template: () => unknown) {
    this.host = host;
    this.template = template;
    this.container = document.createElement('div');
    this.container.slot = 'form';
    this.container.className = 'hp-lightform';
    this.container.setAttribute('data-hp-lightform', '');
    host.addController(this);
  }

  hostConnected(): void {
    if (this.container.parentNode !== this.host) this.host.append(this.container);
    // The form rules and tokens from core, then this package's additions; both once per root node.
    adoptScopedFormStyles(this.host);
    adoptOnce(this.host.getRootNode(), sharedSheet(lightExtrasCss(this.host.localName)));
  }

  hostUpdated(): void {
    render(this.template(), this.container, { host: this.host });
  }

  /** The first element in the light-DOM form matching `selector`. */
  query<E extends Element = HTMLElement>(selector: string): E | null {
    return this.container.querySelector<E>(selector);
  }
}
