import { html } from 'lit';
import { HpElement } from '@hausportal/core';

/** @summary The portal's overview (being built). */
export class HpOverview extends HpElement {
  protected override render() {
    return html``;
  }
}
