import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { atWidth, layoutProblems } from '@hausportal/core/testing.js';
import { $, attach, enter, file, formRoutes, formWidget, freshDrafts, pick, root } from './fixtures.js';

freshDrafts();

describe('<hp-message-form> layout and keyboard', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['de', 'en'] as const) {
    it(`clips nothing and scrolls not sideways from 320 px in ${lang === 'de' ? 'German' : 'English'}: list and Schadensmeldung`, async () => {
      const { el } = await formWidget(formRoutes().routes, { lang });
      const found: string[] = [];
      for (const width of [320, 1280]) {
        await atWidth(width, setViewport);
        for (const p of layoutProblems(el)) found.push(`list ${width}: ${p.kind} ${p.where} — ${p.what}`);
      }
      await pick(el, 'schadensmeldung');
      await enter(el, '#f-urgency', 'notfall');
      await enter(el, '[data-field=access] input[value=false]', true);
      await attach(el, [file('Wasserschaden im Badezimmer neben der Badewanne.jpg', 2_000_000)]);
      for (const width of [320, 360, 768, 1280]) {
        await atWidth(width, setViewport);
        for (const p of layoutProblems(el, { breakable: '.file-name' })) found.push(`form ${width}: ${p.kind} ${p.where} — ${p.what}`);
        expect(document.documentElement.scrollWidth, `page width at ${width} px`).to.be.at.most(width);
      }
      expect(found).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }

  it('stacks the parts of a time window at 320 px and puts them side by side when wide', async () => {
    const { el } = await formWidget(formRoutes().routes, { form: 'schadensmeldung' });
    await enter(el, '[data-field=access] input[value=false]', true);
    const top = (sub: string) => $(el, `[data-sub="${sub}"]`).getBoundingClientRect().top;
    await atWidth(320, setViewport);
    expect(top('0.from')).to.be.greaterThan(top('0.date'));
    await atWidth(1280, setViewport);
    expect(Math.round(top('0.from'))).to.equal(Math.round(top('0.date')));
  });

  it('is usable by keyboard: Tab to a form card, Enter opens it, the focus is on its title', async () => {
    const { el } = await formWidget(formRoutes().routes);
    $(el, '[data-form=allgemeine-anfrage]').focus();
    await sendKeys({ press: 'Tab' });
    expect((root(el).activeElement as HTMLElement).dataset.form).to.equal('fragen-abrechnung');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'form-title', 'focus on the form title once its part has loaded');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.hasAttribute('data-back')).to.be.true;
    const focusRing = getComputedStyle(root(el).activeElement!).boxShadow;
    expect(focusRing).to.not.equal('none');
  });
});
