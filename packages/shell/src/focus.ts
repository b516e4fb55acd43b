/** A widget's own title: `<h2 id="title">` by the widgets' convention (`id="heading"` in the login and profile). */
const titleSelector = ':is(h1, h2):is(#title, #heading)';

/**
 * Moves the focus to the title heading of a widget ({@link titleSelector} in its shadow root, made focusable with
 * `tabindex=-1` where it is not), once the widget has rendered; to `fallback` when it has no title (the overview's
 * cards have only their own headings). So after navigating, keyboard and
 * screen-reader users start at the new view's top (WCAG 2.2 SC 2.4.3 Focus Order).
 */
export async function focusHeading(widget: HTMLElement | null, fallback: HTMLElement | null): Promise<void> {
  if (widget) {
    await (widget as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
    const heading = widget.shadowRoot?.querySelector<HTMLElement>(titleSelector);
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
      if (widget.shadowRoot!.activeElement === heading) return;
    }
  }
  fallback?.focus();
}
