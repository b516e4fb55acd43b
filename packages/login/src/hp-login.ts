import { html, nothing, type PropertyValues } from 'lit';
import { HpElement, formStyles, hostStyles, registerTranslations, renderLoading, stateStyles } from '@hausportal/core';
import { templates } from './locales/de.js';
import { loginStyles } from './hp-login.styles.js';
import { focusFirstInvalid } from './fields.js';
import { LightFormController } from './light-form.js';
import { LoginFlow, type LoginStep } from './login-flow.js';
import { renderLoginForm } from './login-forms.js';
import { renderDone, renderLinks, renderTerms, stepIntro, stepTitle } from './login-views.js';

registerTranslations('de', templates);

let instances = 0;

/**
 * @summary Sign-in for tenants and owners: login, forgot password, activation with an invitation code, the
 * first-login steps (terms of use, own password) and the signed-in state with logout.
 *
 * Forms with password fields are rendered into the element's LIGHT DOM (a `<div slot="form">` child), so
 * password managers can fill and save them; they are styled by a stylesheet scoped with `@scope (hp-login)`.
 * Everything else lives in shadow DOM.
 *
 * @fires hp-login - {@link HpLoginEvent}: the user is signed in and has nothing left to do; `detail` is the user.
 * @fires hp-logout - {@link HpLogoutEvent}: the user signed out.
 *
 * @slot form - Filled by the element itself with the light-DOM form; do not use.
 * @slot footer - Extra content below the form, e.g. a help link.
 *
 * @csspart base - The card around everything.
 * @csspart heading - The heading of the current step.
 * @csspart intro - The sentence below the heading.
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
 * @cssprop --hp-color-primary - Buttons and links.
 * @cssprop --hp-color-danger - Errors.
 * @cssprop --hp-color-success - Fulfilled password rules.
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
      title: stepTitle(this.flow.step),
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

  protected override render() {
    const step = this.flow.step;
    if (step === 'loading') return html`<div part="base" class="base">${renderLoading()}</div>`;
    const { problem, notice } = this.flow;
    const intro = stepIntro(step, this.session);
    return html`<section part="base" class="base" aria-labelledby="heading">
      <h2 id="heading" part="heading" tabindex="-1">${stepTitle(step)}</h2>
      ${intro ? html`<p part="intro" class="intro">${intro}</p>` : nothing}
      <div part="notice" class="notice" role="status">${notice || nothing}</div>
      ${problem ? html`<div part="error" class="error" role="alert">${problem.message}</div>` : nothing}
      ${step === 'terms' ? renderTerms(this.flow, this.session, this.locale) : nothing}
      ${step === 'done' ? renderDone(this.flow) : nothing}
      <slot name="form"></slot>
      ${renderLinks(this.flow, step)}
      <slot name="footer"></slot>
    </section>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
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
