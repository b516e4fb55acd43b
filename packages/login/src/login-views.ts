import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Session } from '@hausportal/core';
import { isRareStep, type LoginFlow, type LoginStep } from './login-flow.js';

/** Heading of each step (a rare step's comes with its module, login-steps.ts, once loaded). */
export function stepTitle(flow: LoginFlow, step: LoginStep): string {
  if (isRareStep(step) && flow.steps) return flow.steps.stepTitle(step);
  if (step === 'done') return msg('You are signed in', { id: 'login.title.done' });
  return msg('Sign in', { id: 'login.title' });
}

/** The sentence below the heading. */
export function stepIntro(flow: LoginFlow, step: LoginStep, session: Session | undefined): string {
  if (isRareStep(step)) return flow.steps?.stepIntro(step) ?? '';
  switch (step) {
    case 'login':
      return session?.organization
        ? msg(str`Tenant and owner portal of ${session.organization.name}`, { id: 'login.intro' })
        : '';
    case 'done':
      return msg(str`Signed in as ${session?.user?.name ?? ''}.`, { id: 'login.intro.done' });
    case 'unavailable':
      return msg('Signing in is not available right now. Please try again later.', { id: 'login.intro.unavailable' });
    default:
      return '';
  }
}

/** A button that looks like a link and moves to another step. */
export function link(label: string, action: () => void): TemplateResult {
  return html`<button type="button" class="link" part="link" @click=${action}>${label}</button>`;
}

/** The row of step links below a form. */
export function stepLinks(content: unknown): TemplateResult {
  return html`<div class="links" part="links">${content}</div>`;
}

/** Buttons that move between the steps (shadow DOM, below the form). */
export function renderLinks(flow: LoginFlow, step: LoginStep): TemplateResult | typeof nothing {
  if (isRareStep(step)) return flow.steps?.renderStepLinks(flow, step) ?? nothing;
  if (step !== 'login') return nothing;
  return html`<nav class="links" part="links" aria-label=${msg('More options', { id: 'login.more' })}>
    ${link(msg('Forgot password?', { id: 'login.forgot' }), () => flow.go('forgot'))}
    ${link(msg('Activate account with invitation code', { id: 'login.activate' }), () => flow.go('activate'))}
  </nav>`;
}

/** The logged-in state: who, and a way out. */
export function renderDone(flow: LoginFlow): TemplateResult {
  return html`<div class="actions">
    <button type="button" part="logout" class="secondary" @click=${() => void flow.logout()}>
      ${flow.busy ? msg('Signing out …', { id: 'login.loggingOut' }) : msg('Sign out', { id: 'login.logout' })}
    </button>
  </div>`;
}
