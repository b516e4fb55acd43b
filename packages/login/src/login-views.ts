import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Session } from '@hausportal/core';
import type { LoginFlow, LoginStep } from './login-flow.js';

/** Heading of each step. */
export function stepTitle(step: LoginStep): string {
  switch (step) {
    case 'forgot':
      return msg('Forgot your password?', { id: 'login.title.forgot' });
    case 'reset':
      return msg('Set a new password', { id: 'login.title.reset' });
    case 'activate':
      return msg('Activate your account', { id: 'login.title.activate' });
    case 'terms':
      return msg('Terms of use', { id: 'login.title.terms' });
    case 'change-password':
      return msg('Choose your own password', { id: 'login.title.changePassword' });
    case 'done':
      return msg('You are signed in', { id: 'login.title.done' });
    default:
      return msg('Sign in', { id: 'login.title' });
  }
}

/** The sentence below the heading. */
export function stepIntro(step: LoginStep, session: Session | undefined): string {
  switch (step) {
    case 'login':
      return session?.organization
        ? msg(str`Tenant and owner portal of ${session.organization.name}`, { id: 'login.intro' })
        : '';
    case 'forgot':
      return msg('Enter the email address of your account. We will send you a code to set a new password.', { id: 'login.intro.forgot' });
    case 'reset':
      return msg('Enter the code from our email and choose a new password.', { id: 'login.intro.reset' });
    case 'activate':
      return msg('Enter your email address and the invitation code, then choose a password.', { id: 'login.intro.activate' });
    case 'terms':
      return msg('Please read the terms of use and accept them to continue.', { id: 'login.intro.terms' });
    case 'change-password':
      return msg('For your security, please replace the initial password with one of your own.', { id: 'login.intro.changePassword' });
    case 'done':
      return msg(str`Signed in as ${session?.user?.name ?? ''}.`, { id: 'login.intro.done' });
    case 'unavailable':
      return msg('Signing in is not available right now. Please try again later.', { id: 'login.intro.unavailable' });
    default:
      return '';
  }
}

function link(label: string, action: () => void): TemplateResult {
  return html`<button type="button" class="link" part="link" @click=${action}>${label}</button>`;
}

/** Buttons that move between the steps (shadow DOM, below the form). */
export function renderLinks(flow: LoginFlow, step: LoginStep): TemplateResult | typeof nothing {
  const back = () => link(msg('Back to sign in', { id: 'login.back' }), () => flow.go('login'));
  const signOut = () => link(msg('Sign out', { id: 'login.logout' }), () => void flow.logout());
  switch (step) {
    case 'login':
      return html`<nav class="links" part="links" aria-label=${msg('More options', { id: 'login.more' })}>
        ${link(msg('Forgot password?', { id: 'login.forgot' }), () => flow.go('forgot'))}
        ${link(msg('Activate account with invitation code', { id: 'login.activate' }), () => flow.go('activate'))}
      </nav>`;
    case 'forgot':
      return html`<div class="links" part="links">
        ${link(msg('I already have a code', { id: 'login.haveCode' }), () => flow.go('reset'))} ${back()}
      </div>`;
    case 'reset':
      return html`<div class="links" part="links">
        ${link(msg('Request a new code', { id: 'login.newCode' }), () => flow.go('forgot'))} ${back()}
      </div>`;
    case 'activate':
      return html`<div class="links" part="links">${back()}</div>`;
    case 'terms':
    case 'change-password':
      return html`<div class="links" part="links">${signOut()}</div>`;
    default:
      return nothing;
  }
}

/** The terms of use with the accept checkbox (shadow DOM; no password field here). */
export function renderTerms(flow: LoginFlow, session: Session | undefined, lang: 'de' | 'en'): TemplateResult {
  const terms = session?.organization?.terms;
  const error = flow.problem?.fields['accept'];
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void flow.acceptTerms(event.currentTarget as HTMLFormElement);
  };
  return html`<form part="form" class="terms-form" novalidate @submit=${submit} aria-busy=${flow.busy ? 'true' : 'false'}
      aria-label=${msg('Accept the terms of use', { id: 'login.terms.form' })}>
    <div class="terms" part="terms" role="region" tabindex="0" aria-label=${msg('Text of the terms of use', { id: 'login.terms.text' })}>
      ${terms ? terms.text[lang] : msg('The terms of use could not be loaded.', { id: 'login.terms.missing' })}
    </div>
    <div class="field">
      <label class="check">
        <input type="checkbox" name="accept" part="input" aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'accept-error' : nothing} />
        <span>${msg('I have read the terms of use and accept them.', { id: 'login.terms.accept' })}</span>
      </label>
      ${error ? html`<p class="error-text" id="accept-error">${error}</p>` : nothing}
    </div>
    <div class="actions">
      <button type="submit" part="submit" aria-disabled=${flow.busy ? 'true' : 'false'}>
        ${flow.busy ? msg('Saving …', { id: 'login.saving' }) : msg('Accept and continue', { id: 'login.terms.submit' })}
      </button>
    </div>
  </form>`;
}

/** The logged-in state: who, and a way out. */
export function renderDone(flow: LoginFlow): TemplateResult {
  return html`<div class="actions">
    <button type="button" part="logout" class="secondary" @click=${() => void flow.logout()}>
      ${flow.busy ? msg('Signing out …', { id: 'login.loggingOut' }) : msg('Sign out', { id: 'login.logout' })}
    </button>
  </div>`;
}
