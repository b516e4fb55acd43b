import { msg, str } from '@lit/localize';
import type { Problem } from './model.js';

/** A field's problem in words. */
export function problemText(problem: Problem): string {
  const limit = problem.limit ?? 0;
  switch (problem.code) {
    case 'required':
      return msg('Please fill in this field.', { id: 'mf.required' });
    case 'choose':
      return msg('Please choose.', { id: 'mf.choose' });
    case 'tooLong':
      return msg(str`At most ${limit} characters.`, { id: 'mf.tooLong' });
    case 'number':
      return msg('Please enter a number.', { id: 'mf.number' });
    case 'min':
      return msg(str`At least ${limit}.`, { id: 'mf.min' });
    case 'max':
      return msg(str`At most ${limit}.`, { id: 'mf.max' });
    case 'decimals':
      return msg(str`At most ${limit} decimal places.`, { id: 'mf.decimals' });
    case 'amount':
      return msg('Please enter an amount in euros, e.g. 12.50.', { id: 'mf.amount' });
    case 'email':
      return msg('Please enter an email address, e.g. name@example.com.', { id: 'mf.email' });
    case 'phone':
      return msg('Please enter a phone number (digits, spaces, + ( ) / -).', { id: 'mf.phone' });
    case 'iban':
      return msg('This IBAN is not valid. Please check it.', { id: 'mf.iban' });
    case 'slots':
      return msg(str`Please give at least ${limit} time windows.`, { id: 'mf.slots' });
    case 'slot':
      return msg('Each time window needs a date, from and to (to after from).', { id: 'mf.slot' });
    case 'cascade':
      return msg('Please choose the location, category and problem.', { id: 'mf.cascade' });
    case 'consent':
      return msg('Please agree so that we can handle your request.', { id: 'mf.consentMissing' });
  }
}
