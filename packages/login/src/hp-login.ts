import { html, nothing, type PropertyValues } from 'lit';
import { HpElement, formStyles, hostStyles, registerTranslations, renderLoading, stateStyles } from '@hausportal/core';
import { templates } from './locales/de.js';
import { loginStyles } from './hp-login.styles.js';
import { focusFirstInvalid } from './fields.js';
import { LightFormController } from './light-form.js';
import { isRareStep, LoginFlow, type LoginStep } from './login-flow.js';
import { renderLoginForm } from './login-forms.js';
import { renderDone, renderLinks, stepIntro, stepTitle } from './login-views.js';
import { renderCookieNote } from './cookie-note.js';

registerTranslations('de', templates);

let instances = 0;

/**
 * Forms with password fields are rendered into the element's LIGHT DOM (a `<div slot="form">` child), so
 * password managers can fill and save them; they are styled by a stylesheet scoped with `@scope (hp-login)` from the
 * same tokens. Everything else lives in shadow DOM. Where the browser refuses the session's cookie on this page
 * (cross-site, DESIGN §6), a note says so and links the portal in its own tab.
 *
 * @summary Sign-in for tenants and owners: login, forgot password, activation with an invitation code, the
 * first-login steps (terms of use, own password) and the signed-in state with logout.
 *
 * @fires {HpLoginEvent} hp-login - The user is signed in and has nothing left to do first (terms of use, password
 *   change); `detail` is the user (`Me` of GET /me: `{id, email, username, name, role, organization, pendingActions, …}`).
 * @fires {HpLogoutEvent} hp-logout - The user signed out; no `detail`.
 *
 * @slot form - Filled by the element itself with the light-DOM form; do not use.
 * @slot footer - Extra content below the form, e.g. a help link.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading of the current step.
 * @csspart intro - The sentence below the heading.
 * @csspart cookie-note - The note that this browser does not keep the session on this page (cross-site).
 * @csspart own-tab - Its link that opens the portal in a tab of its own.
 * @csspart notice - Success notes (code sent, password set).
 * @csspart error - The error message of the last attempt.
 * @csspart form - The terms form (the password forms are in light DOM: style them via the tokens).
 * @csspart terms - The scrollable terms text.
 * @csspart input - The accept checkbox of the terms.
 * @csspart submit - The accept button of the terms.
 * @csspart links - The row of step links (forgot password, activate, back).
 * @csspart link - One step link.
 * @csspart logout - The sign-out button of the signed-in state.
 * @csspart loading - The loading state while the session is restored.
 *
 * @cssprop --hp-login-max-width - Maximum width of the card (default 28rem).
 * @cssprop --hp-color-primary - Buttons, links, the focus ring.
 * @cssprop --hp-color-on-primary - Text on the main colour (filled buttons).
 * @cssprop --hp-color-primary-hover - A filled button under the pointer (default: the main colour mixed with the text).
 * @cssprop --hp-color-success - Success notes and fulfilled password rules.
 * @cssprop --hp-color-surface-raised - Background of the terms text.
 * @cssprop --hp-color-text-muted - The intro sentence and hints.
 * @cssprop --hp-color-focus - Colour of the focus ring (default: the main colour at 45 %).
 * @cssprop --hp-focus-ring - The focus ring, a `box-shadow` (default `0 0 0 3px` of `--hp-color-focus`).
 * @cssprop --hp-font-size-s - Small text (default 0.875rem).
 * @cssprop --hp-font-size-l - Headings (default 1.25rem).
 * @cssprop --hp-space-xs - Smallest spacing (default 0.25rem).
 * @cssprop --hp-space-s - Small spacing (default 0.5rem).
 * @cssprop --hp-space-l - Large spacing (default 1.5rem).
 * @cssprop --hp-shadow - Shadow of the card (default a soft 1–3 px shadow).
 * @cssprop --hp-color-danger - Errors and invalid fields.
 */
export class HpLogin extends HpElement {
  static override styles = [hostStyles, formStyles, stateStyles, loginStyles];

  /** State and actions of the flow (exposed for tests and subclasses). */
  readonly flow = new LoginFlow(this);
  private readonly ids = `hp-login-${++instances}`;
  private readonly light = new LightFormController(this, () =>
    renderLoginForm({
      flow: this.flow,
      ids: this.ids,
      policy: this.session?.organization?.passwordPolicy,
      username: this.session?.user?.username,
      title: stepTitle(this.flow, this.flow.step),
    }),
  );
  private shownStep?: LoginStep;
  private shownProblem: unknown = null;

  /** The step currently shown. */
  get step(): LoginStep {
    return this.flow.step;
  }

  /** The light-DOM `<form>` of the current step, if it has one. */
  get form(): HTMLFormElement | null {
    return this.light.query<HTMLFormElement>('form');
  }

  /** The step is on the page (not the loading state while the session is restored or the step's code loads). */
  private get shown(): boolean {
    const step = this.flow.step;
    return step !== 'loading' && (!isRareStep(step) || this.flow.steps !== undefined);
  }

  protected override render() {
    const step = this.flow.step;
    const { problem, notice } = this.flow;
    if (isRareStep(step)) this.flow.loadSteps();
    if (!this.shown) {
      // A step whose code could not be loaded (offline) says so instead of loading for ever.
      return html`<div part="base" class="base">
        ${problem ? html`<div part="error" class="error" role="alert">${problem.message}</div>` : renderLoading()}
      </div>`;
    }
    const intro = stepIntro(this.flow, step, this.session);
    return html`<section part="base" class="base" aria-labelledby="heading">
      <h2 id="heading" part="heading" tabindex="-1">${stepTitle(this.flow, step)}</h2>
      ${intro ? html`<p part="intro" class="intro">${intro}</p>` : nothing}
      ${renderCookieNote(step, this.session, this.api)}
      <div part="notice" class="notice" role="status">${notice || nothing}</div>
      ${problem ? html`<div part="error" class="error" role="alert">${problem.message}</div>` : nothing}
      ${step === 'terms' ? this.flow.steps?.renderTerms(this.flow, this.session, this.locale) : nothing}
      ${step === 'done' ? renderDone(this.flow) : nothing}
      <slot name="form"></slot>
      ${renderLinks(this.flow, step)}
      <slot name="footer"></slot>
    </section>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // While a rare step's code loads, the step before it counts as shown: its heading gets focus once it is there.
    if (this.flow.step !== 'loading' && !this.shown) return;
    const step = this.flow.step;
    if (this.shownStep !== undefined && step !== this.shownStep && step !== 'loading') {
      // A new step the user asked for: move focus to its heading so keyboard and screen-reader users start at the
      // top. Not when the page has just loaded (the host page must not scroll to the widget) and not when the user
      // is busy elsewhere on the page.
      if (this.shownStep !== 'loading' && this.userIsHere()) this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    } else if (this.flow.problem && this.flow.problem !== this.shownProblem) {
      void this.updateComplete.then(() => {
        if (!focusFirstInvalid(this.light.container)) focusFirstInvalid(this.renderRoot);
      });
    }
    this.shownStep = step;
    this.shownProblem = this.flow.problem;
  }

  /** Focus is inside this element, or was lost because the focused control of the last step went away. */
  private userIsHere(): boolean {
    const active = document.activeElement;
    return !active || active === document.body || this.matches(':focus-within');
  }
}
