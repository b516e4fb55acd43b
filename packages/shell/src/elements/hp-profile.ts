// <hp-profile> alone, loaded once the profile is shown (the login package's define.js registers it with <hp-login>).
// A function rather than a side effect of the module, which bundlers would drop (see hp-login.ts).
import { define } from '@hausportal/core';
import { HpProfile } from '@hausportal/login';

/** Defines `<hp-profile>` (core's define(): a second definition warns and keeps the first); returns the tag. */
export const register = (): string => define('hp-profile', HpProfile);
