// <hp-login> alone, without <hp-profile> (the login package's define.js registers both): what a page that only signs
// in loads, and what the portal loads while nobody is signed in. A function rather than a side effect of the module,
// which bundlers would drop (the package lists only define.ts as having side effects).
import { define } from '@hausportal/core';
import { HpLogin } from '@hausportal/login';

/** Defines `<hp-login>` (core's define(): a second definition warns and keeps the first); returns the tag. */
export const register = (): string => define('hp-login', HpLogin);
