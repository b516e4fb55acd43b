import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { define, tagName } from '../src/index.js';

function captureWarnings(run: () => void): string[] {
  const original = console.warn;
  const seen: string[] = [];
  console.warn = (...args: unknown[]) => seen.push(args.join(' '));
  try {
    run();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('define()', () => {
  it('registers an element and returns its name', () => {
    class First extends LitElement {}
    expect(define('hp-test-first', First)).to.equal('hp-test-first');
    expect(customElements.get('hp-test-first')).to.equal(First);
  });

  it('warns instead of throwing when another copy took the tag', () => {
    class One extends LitElement {}
    class Other extends LitElement {}
    define('hp-test-twice', One);
    const warnings = captureWarnings(() => expect(() => define('hp-test-twice', Other)).not.to.throw());
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('hp-test-twice');
    expect(customElements.get('hp-test-twice')).to.equal(One);
  });

  it('stays quiet when the same class is defined again', () => {
    class Same extends LitElement {}
    define('hp-test-same', Same);
    expect(captureWarnings(() => define('hp-test-same', Same))).to.have.length(0);
  });

  it('uses a prefix instead of hp', () => {
    class Prefixed extends LitElement {}
    expect(tagName('hp-login', { prefix: 'acme' })).to.equal('acme-login');
    expect(define('hp-test-prefixed', Prefixed, { prefix: 'acme' })).to.equal('acme-test-prefixed');
    expect(customElements.get('acme-test-prefixed')).to.equal(Prefixed);
    expect(customElements.get('hp-test-prefixed')).to.equal(undefined);
  });

  it('registers one class under a prefix and the default name', () => {
    class Both extends LitElement {}
    define('hp-test-both', Both);
    define('hp-test-both', Both, { prefix: 'xy' });
    const prefixed = customElements.get('xy-test-both');
    expect(prefixed).to.not.equal(undefined);
    expect(document.createElement('xy-test-both')).to.be.instanceOf(Both);
  });
});
