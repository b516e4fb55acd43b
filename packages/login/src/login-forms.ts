import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { PasswordPolicy } from '@hausportal/api';
import { renderField, renderSubmit } from './fields.js';
import type { LoginFlow } from './login-flow.js';

/** What the light-DOM forms need from the element. */
export interface LoginFormContext {
  flow: LoginFlow;
  /** Prefix for unique ids (several `<hp-login>` may be on one page). */
  ids: string;
  policy?: PasswordPolicy;
  /** User name of a logged-in user with a forced password change. */
  username?: string;
  /** Accessible name of the form (the step's heading lives in shadow DOM). */
  title: string;
}

/** A light-DOM `<form name=…>` that calls `submit` instead of navigating; busy while the flow is. */
export function form(ctx: LoginFormContext, name: string, submit: (form: HTMLFormElement) => Promise<void>, body: TemplateResult): TemplateResult {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void submit(event.currentTarget as HTMLFormElement);
  };
  return html`<form class="form" name=${name} novalidate aria-label=${ctx.title}
    aria-busy=${ctx.flow.busy ? 'true' : 'false'} @submit=${onSubmit}>${body}</form>`;
}

/** A labelled input named `name` with the flow's error for it; ids are unique per element. */
export function field(ctx: LoginFormContext, name: string, label: string, autocomplete: string, extra: Partial<Parameters<typeof renderField>[0]> = {}) {
  return renderField({ id: `${ctx.ids}-${name}`, name, label, autocomplete, error: ctx.flow.problem?.fields[name], ...extra });
}

/**
 * The light-DOM form for the current step, or nothing when the step has no password-manager form. The sign-in form
 * is here; the forms of the rarer steps come with their module (login-steps.ts), nothing until it is loaded.
 */
export function renderLoginForm(ctx: LoginFormContext): TemplateResult | typeof nothing {
  const { flow } = ctx;
  if (flow.step !== 'login') return flow.steps?.renderStepForm(ctx) ?? nothing;
  return form(ctx, 'hp-login', (element) => flow.login(element), html`
    ${field(ctx, 'username', msg('Email or user name', { id: 'login.username' }), 'username', { value: flow.email, inputmode: 'email' })}
    ${field(ctx, 'password', msg('Password', { id: 'login.password' }), 'current-password', { type: 'password' })}
    <div class="actions">${renderSubmit(msg('Sign in', { id: 'login.submit' }), msg('Signing in …', { id: 'login.submitting' }), flow.busy)}</div>`);
}
