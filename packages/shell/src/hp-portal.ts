import { html } from 'lit';
import { HpElement } from '@hausportal/core';

/** @summary The whole portal (being built). */
export class HpPortal extends HpElement {
  protected override render() {
    return html``;
  }
}
