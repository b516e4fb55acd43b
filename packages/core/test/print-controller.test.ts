import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { PrintController } from '../src/index.js';

class PrintHost extends LitElement {
  readonly printer = new PrintController(this);

  protected override render() {
    return html`<p>${this.printer.printing ? 'paper' : 'screen'}</p>`;
  }
}
customElements.define('print-host', PrintHost);

class PrintOuter extends LitElement {
  protected override render() {
    return html`<print-host></print-host>`;
  }
}
customElements.define('print-outer', PrintOuter);

/** A page around the element: a header and a footer of its own, the element in a narrow grid column. */
async function page() {
  const wrapper = await fixture<HTMLElement>(html`<div>
    <header>Page header</header>
    <main style="display: grid; grid-template-columns: 1fr 10rem"><article>Article</article><aside><print-host></print-host></aside></main>
    <footer style="block-size: 3000px">Page footer</footer>
  </div>`);
  return { wrapper, el: wrapper.querySelector<PrintHost>('print-host')!, header: wrapper.querySelector('header')!, aside: wrapper.querySelector('aside')! };
}

const shown = (element: Element) => getComputedStyle(element).display !== 'none' && getComputedStyle(element).visibility === 'visible';

describe('PrintController print()', () => {
  const print = window.print;
  afterEach(async () => {
    window.print = print;
    await emulateMedia({ media: 'screen' });
  });

  it('prints only its element: marks it, hides the rest of the page for paper, and undoes it afterwards', async () => {
    const { wrapper, el, header, aside } = await page();
    await emulateMedia({ media: 'print' });
    const seen: { text: string; marked: boolean; header: boolean; article: boolean; footer: boolean; host: boolean; width: number; sheets: number }[] = [];
    window.print = () => {
      seen.push({
        text: el.shadowRoot!.textContent!,
        marked: el.hasAttribute('data-hp-printing'),
        header: shown(header),
        article: shown(wrapper.querySelector('article')!),
        footer: shown(wrapper.querySelector('footer')!),
        host: shown(el),
        width: el.getBoundingClientRect().width,
        sheets: document.adoptedStyleSheets.length,
      });
    };
    const sheetsBefore = document.adoptedStyleSheets.length;
    await el.printer.print();
    expect(seen).to.have.length(1);
    expect(seen[0]).to.include({ text: 'paper', marked: true, header: false, article: false, footer: false, host: true, sheets: sheetsBefore + 1 });
    // Out of its narrow column: as wide as the page.
    expect(seen[0]!.width).to.be.greaterThan(aside.getBoundingClientRect().width * 2);
    await el.updateComplete;
    expect(el.hasAttribute('data-hp-printing')).to.be.false;
    expect(document.adoptedStyleSheets).to.have.length(sheetsBefore);
    expect(el.printer.printing).to.be.false;
    expect(el.shadowRoot!.textContent).to.equal('screen');
    // The browser's own printing prints the whole page as before.
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect([shown(header), shown(wrapper.querySelector('footer')!), el.hasAttribute('data-hp-printing')]).to.deep.equal([true, true, false]);
    expect(el.shadowRoot!.textContent).to.equal('paper');
    window.dispatchEvent(new Event('afterprint'));
  });

  it('keeps mark and sheet until afterprint when the browser prints after window.print() returns, and adopts the sheet once', async () => {
    const { el, header } = await page();
    await emulateMedia({ media: 'print' });
    const sheetsBefore = document.adoptedStyleSheets.length;
    window.print = () => window.dispatchEvent(new Event('beforeprint'));
    await el.printer.print();
    await el.printer.print();
    expect(el.hasAttribute('data-hp-printing')).to.be.true;
    expect(document.adoptedStyleSheets).to.have.length(sheetsBefore + 1);
    expect(shown(header)).to.be.false;
    window.dispatchEvent(new Event('afterprint'));
    expect(el.hasAttribute('data-hp-printing')).to.be.false;
    expect(document.adoptedStyleSheets).to.have.length(sheetsBefore);
    expect(shown(header)).to.be.true;
  });

  it('marks the outermost host in the document when the element sits in another element\'s shadow root', async () => {
    const outer = await fixture<PrintOuter>(html`<print-outer></print-outer>`);
    const inner = outer.shadowRoot!.querySelector<PrintHost>('print-host')!;
    let marked: [outer: boolean, inner: boolean] | undefined;
    window.print = () => (marked = [outer.hasAttribute('data-hp-printing'), inner.hasAttribute('data-hp-printing')]);
    await inner.printer.print();
    expect(marked).to.deep.equal([true, false]);
    expect(outer.hasAttribute('data-hp-printing')).to.be.false;
  });
});
