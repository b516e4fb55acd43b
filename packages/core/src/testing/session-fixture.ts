import { html, type TemplateResult } from 'lit';
import { fixture } from '@open-wc/testing';
import type { ApiClient } from '@hausportal/api';
import type { Locale } from '../context.js';
import { define } from '../define-element.js';
import { HpSession } from '../hp-session.js';
import { setLocale } from '../localization.js';

export interface SessionFixtureOptions {
  client: ApiClient;
  org?: string;
  lang?: Locale;
  /** `none` to leave the organization theme off. */
  theme?: string;
}

/**
 * Renders `<hp-session .client=… org lang>template</hp-session>`, waits until the session has settled
 * (anonymous or authenticated, organization loaded) and the texts of `lang` are ready, and returns the first
 * element inside the session.
 */
export async function sessionFixture<T extends Element = HTMLElement>(template: TemplateResult, options: SessionFixtureOptions): Promise<T> {
  define('hp-session', HpSession);
  const lang = options.lang ?? 'de';
  const session = await fixture<HpSession>(
    html`<hp-session .client=${options.client} org=${options.org ?? options.client.organization} lang=${lang} theme=${options.theme ?? ''}>${template}</hp-session>`,
  );
  await session.settled;
  await setLocale(lang);
  const inner = session.firstElementChild as T | null;
  if (!inner) throw new Error('sessionFixture: the template rendered no element');
  if ('updateComplete' in inner) await (inner as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return inner;
}

/**
 * Gives the test page a dark colour scheme (`color-scheme: dark` on `<html>`, a dark body as a dark site paints it)
 * for the tests of the current `describe`, and takes it back afterwards.
 */
export function onDarkPage(): void {
  const root = document.documentElement;
  before(() => {
    root.style.colorScheme = 'dark';
    document.body.style.background = '#15171a';
  });
  after(() => {
    root.style.removeProperty('color-scheme');
    document.body.style.removeProperty('background');
  });
}
