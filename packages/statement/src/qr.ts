import { html, LitElement, css, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { importOnce } from '@hausportal/core';

type LeanQr = typeof import('lean-qr');

/** Loads the QR encoder once (a separate chunk in bundles, fetched only when a payment code is shown). */
export const loadQrEncoder: () => Promise<LeanQr> = importOnce(() => import('lean-qr'));

/**
 * UTF-8 bytes, error correction level M (as EPC069-12 asks), with a quiet zone, black on white in both colour
 * schemes. The encoder (lean-qr) loads on first use; when it cannot be loaded or refuses the payload, the element
 * renders nothing and the payment text beside it still works.
 *
 * @summary A QR code for `payload` as crisp SVG, named by `label` (the EPC payment code of `<hp-statement-open-items>`).
 *
 * @cssprop --hp-statement-qr-size - Width and height of the code (default 12rem; never wider than its container).
 */
export class HpStatementQr extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      inline-size: var(--hp-statement-qr-size, 12rem);
      max-inline-size: 100%;
      background: #fff;
      line-height: 0;
    }
    svg {
      inline-size: 100%;
      block-size: auto;
    }
  `;

  /** The text to encode, e.g. an EPC069-12 credit transfer ("BCD…"); empty draws nothing. */
  @property() payload = '';
  /** The code's accessible name (`role="img"`), e.g. "Zahlungs-QR-Code (GiroCode) für Ihre Banking-App". */
  @property() label = '';
  @state() private path = '';
  @state() private size = 0;
  /** True when the encoder could not be loaded or refused the payload: the payment text beside it still works. */
  @state() private failed = false;

  private drawing: Promise<void> = Promise.resolve();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('payload')) {
      this.failed = false;
      const payload = this.payload;
      this.drawing = this.draw(payload).catch(() => {
        if (payload === this.payload) this.failed = true;
      });
    }
  }

  private async draw(payload: string): Promise<void> {
    if (!payload) {
      this.path = '';
      return;
    }
    const { generate, correction, mode } = await loadQrEncoder();
    const code = generate(mode.bytes(new TextEncoder().encode(payload)), { minCorrectionLevel: correction.M });
    if (payload !== this.payload) return;
    let path = '';
    for (let y = 0; y < code.size; y++) {
      for (let x = 0; x < code.size; x++) if (code.get(x, y)) path += `M${x + 4} ${y + 4}h1v1h-1z`;
    }
    this.size = code.size + 8;
    this.path = path;
  }

  /** Resolves once the code for the current payload is drawn. */
  get drawn(): Promise<void> {
    return this.updateComplete.then(() => this.drawing).then(() => this.updateComplete).then(() => undefined);
  }

  protected override render() {
    if (this.failed) return nothing;
    if (!this.path) return html`<span role="img" aria-label=${this.label}></span>`;
    return html`<svg role="img" aria-label=${this.label} viewBox="0 0 ${this.size} ${this.size}" shape-rendering="crispEdges">
      <rect width="100%" height="100%" fill="#fff"></rect>
      <path fill="#000" d=${this.path}></path>
    </svg>`;
  }
}
