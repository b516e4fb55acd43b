import { expect } from '@open-wc/testing';
import { ApiError } from '@hausportal/api';
import { setLocale } from '@hausportal/core';
import '../src/define.js';
import { describeProblem } from '../src/index.js';

const apiError = (status: number, code: string, errors?: Array<{ field: string; code: string; message: string }>) =>
  new ApiError({ type: `https://hausportal.dev/problems/${code}`, title: code, status, code, ...(errors ? { errors } : {}) });

describe('describeProblem', () => {
  afterEach(() => setLocale('de'));

  it('maps field errors by their code onto form field names, in German', async () => {
    await setLocale('de');
    const result = describeProblem(
      apiError(422, 'password_policy', [
        { field: '/newPassword', code: 'policy_upper', message: 'needs upper' },
        { field: '/code', code: 'something_new', message: 'server text' },
      ]),
      'reset-confirm',
    );
    expect(result.fields).to.deep.equal({
      newPassword: 'Das Passwort braucht einen Großbuchstaben.',
      code: 'Bitte prüfen Sie diese Eingabe.',
    });
    expect(result.message).to.equal('Bitte prüfen Sie die markierten Felder.');
  });

  it('keeps the server text for unknown codes in English', async () => {
    await setLocale('en');
    const result = describeProblem(apiError(400, 'validation', [{ field: '/phone', code: 'something_new', message: 'server text' }]), 'profile');
    expect(result.fields).to.deep.equal({ phone: 'server text' });
  });

  it('puts an email taken (409, email_taken) on the email field', async () => {
    await setLocale('de');
    const result = describeProblem(apiError(409, 'email_taken', [{ field: '/email', code: 'email_taken', message: 'in use' }]), 'profile');
    expect(result.fields['email']).to.equal('Diese E-Mail-Adresse wird bereits von einem anderen Konto verwendet.');
  });

  it('treats a 401 on the password change as a wrong current password', async () => {
    await setLocale('en');
    const result = describeProblem(apiError(401, 'invalid_credentials'), 'password');
    expect(result.fields['currentPassword']).to.equal('The current password is wrong.');
  });

  it('reads the wait of a 429 in seconds or minutes', async () => {
    await setLocale('en');
    const seconds = Object.assign(apiError(429, 'rate_limited'), { retryAfter: 30 });
    const minutes = Object.assign(apiError(429, 'rate_limited'), { retryAfter: 61 });
    expect(describeProblem(seconds, 'login').message).to.equal('Too many attempts. Please wait 30 seconds and try again.');
    expect(describeProblem(minutes, 'login').message).to.equal('Too many attempts. Please wait 2 minutes and try again.');
  });

  it('calls a failed fetch a network problem', async () => {
    await setLocale('de');
    expect(describeProblem(new TypeError('Failed to fetch'), 'login').message).to.contain('Der Server ist nicht erreichbar');
  });
});
