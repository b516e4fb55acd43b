import { expect, fixture, html } from '@open-wc/testing';
import { ApiError, ServerNotAnsweringError } from '@hausportal/api';
import { problemMessage, renderEmpty, renderError, renderLoading, setLocale } from '../src/index.js';

describe('state pieces', () => {
  before(() => setLocale('de'));

  it('problemMessage speaks to tenants in both languages', () => {
    const invalid = new ApiError({ type: 'x', title: 'Invalid', status: 401, code: 'invalid_credentials' });
    expect(problemMessage(invalid, 'de')).to.equal('Benutzername oder Passwort ist falsch.');
    expect(problemMessage(invalid, 'en')).to.equal('The user name or password is incorrect.');
    const limited = { type: 'x', title: 'Too many', status: 429 };
    expect(problemMessage(limited, 'de')).to.contain('Zu viele Versuche');
    expect(problemMessage(new TypeError('Failed to fetch'), 'en')).to.contain('Cannot reach the server');
    expect(problemMessage(new ApiError({ type: 'x', title: 'Boom', status: 503 }), 'de')).to.contain('Server');
    expect(problemMessage(new ApiError({ type: 'x', title: 'Gone', status: 404 }), 'en')).to.contain('not found');
    expect(problemMessage(new DOMException('stop', 'AbortError'), 'de')).to.equal('');
  });

  it('a refresh the server did not answer says so, not that the session expired', () => {
    const error = new ServerNotAnsweringError();
    expect(problemMessage(error, 'en')).to.contain('not answering');
    expect(problemMessage(error, 'de')).to.contain('antwortet gerade nicht');
    expect(problemMessage(error, 'de')).not.to.contain('abgelaufen');
  });

  it('a part switched off for the person is a calm note without "Try again", not an error', async () => {
    const off = new ApiError({ type: 'x', title: 'Off', status: 403, code: 'feature_disabled' });
    let retried = 0;
    const el = await fixture(html`<div>${renderError(off, () => retried++)}</div>`);
    const note = el.querySelector('[part=empty]')!;
    expect(note.textContent).to.contain('nicht freigeschaltet');
    expect(el.querySelector('[part=error], [role=alert], button')).to.equal(null);
    expect(problemMessage(off, 'en')).to.contain('not made this part of the portal available');
    const forbidden = await fixture(html`<div>${renderError(new ApiError({ type: 'x', title: 'No', status: 403 }), () => retried++)}</div>`);
    expect(forbidden.querySelector('[part=error]')).to.not.equal(null);
    expect(retried).to.equal(0);
  });

  it('renders loading, empty and error with their parts and roles', async () => {
    let retried = 0;
    const el = await fixture(html`<div>
      ${renderLoading()} ${renderEmpty('Keine Dokumente')}
      ${renderError(new ApiError({ type: 'x', title: 'Conflict', status: 409, code: 'conflict' }), () => retried++)}
    </div>`);
    expect(el.querySelector('[part=loading]')!.getAttribute('role')).to.equal('status');
    expect(el.querySelector('[part=loading]')!.textContent).to.contain('Wird geladen');
    expect(el.querySelector('[part=empty]')!.textContent).to.equal('Keine Dokumente');
    const error = el.querySelector('[part=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('inzwischen geändert');
    (error.querySelector('button') as HTMLButtonElement).click();
    expect(retried).to.equal(1);
    await expect(el).to.be.accessible();
  });
});
