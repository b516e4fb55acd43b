import type { HpStatementQr } from '../src/index.js';

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { binaryData: number[] } | null;

/** jsQR ships as a UMD script; loaded once as a classic script it sets window.jsQR. */
async function jsQR(): Promise<JsQr> {
  const w = window as unknown as { jsQR?: JsQr };
  if (!w.jsQR) {
    await new Promise<void>((resolve, reject) => {
      const script = Object.assign(document.createElement('script'), { src: '/node_modules/jsqr/dist/jsQR.js', onload: () => resolve(), onerror: reject });
      document.head.append(script);
    });
  }
  return w.jsQR!;
}

/**
 * Reads a drawn `<hp-statement-qr>` the way a camera would: its SVG rasterised onto a canvas, the pixels decoded by
 * jsQR. Returns the code's bytes as UTF-8 text, or null when no code could be found.
 */
export async function decodeQr(qr: HpStatementQr, pixels = 400): Promise<string | null> {
  await qr.drawn;
  const svg = qr.shadowRoot!.querySelector('svg');
  if (!svg) return null;
  const markup = new XMLSerializer().serializeToString(svg).replace('<svg', `<svg width="${pixels}" height="${pixels}"`);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const canvas = Object.assign(document.createElement('canvas'), { width: pixels, height: pixels });
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, pixels, pixels);
  const decoded = (await jsQR())(context.getImageData(0, 0, pixels, pixels).data, pixels, pixels);
  return decoded && new TextDecoder().decode(new Uint8Array(decoded.binaryData));
}
