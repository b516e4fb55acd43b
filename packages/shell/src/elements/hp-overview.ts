// <hp-overview> on its own: the portal imports it when the overview view is first shown (elements.ts), and a page's
// loader (hausportal.js) when the tag appears on the page, so registering the portal does not load the overview's
// cards, lists and styles. A function rather than a side effect of the module, which bundlers would drop (the package
// lists only define.ts as having side effects).
import { define } from '@hausportal/core';
import { HpOverview } from '../overview/hp-overview.js';

/** Defines `<hp-overview>` (core's define(): a second definition warns and keeps the first); returns the tag. */
export const register = (): string => define('hp-overview', HpOverview);
