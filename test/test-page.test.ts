import { expect, fixture, html, waitUntil } from '@open-wc/testing';

// Counted by the guard that web-test-runner.config.mjs puts on every test page.
declare global {
  interface Window {
    resizeObserverLoops: number;
  }
}

const loopNotice = 'ResizeObserver loop completed with undelivered notifications.';

describe('test page', () => {
  it('does not fail a test for a ResizeObserver loop notice', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="height: 10px"></div>`);
    const before = window.resizeObserverLoops;
    let calls = 0;
    // Growing the observed element inside its own callback leaves a notification for the next frame: the notice.
    const observer = new ResizeObserver(() => {
      calls++;
      box.style.height = `${10 + calls}px`;
    });
    observer.observe(box);
    try {
      await waitUntil(() => window.resizeObserverLoops > before && calls > 2, 'a real ResizeObserver loop notice');
    } finally {
      observer.disconnect();
    }
  });

  it('still hands every other uncaught error to the test runner', () => {
    const reported: string[] = [];
    const runner = window.onerror;
    const log = console.error;
    window.onerror = (message) => {
      reported.push(String(message));
      return true;
    };
    console.error = () => undefined; // the test runner also logs each uncaught error
    try {
      window.dispatchEvent(new ErrorEvent('error', { message: 'Uncaught Error: boom', error: new Error('boom') }));
      window.dispatchEvent(new ErrorEvent('error', { message: loopNotice, error: new Error(loopNotice) }));
      window.dispatchEvent(new ErrorEvent('error', { message: 'ResizeObserver loop' }));
      window.dispatchEvent(new ErrorEvent('error', { message: loopNotice }));
    } finally {
      window.onerror = runner;
      console.error = log;
    }
    expect(reported).to.deep.equal(['Uncaught Error: boom', loopNotice, 'ResizeObserver loop']);
  });
});
