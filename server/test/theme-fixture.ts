import sharp from 'sharp';
import type { Answer } from './helpers.ts';

// What the theme and logo tests share: logo uploads (PUT, multipart) and small images of each kind.

/** PUT /admin/theme/logo with the bytes as the part `file` (and any text fields), as a browser's FormData sends it. */
export async function putLogo(base: string, token: string | undefined, bytes: Uint8Array, fileName = 'logo.png', type = 'application/octet-stream', fields: Record<string, string> = {}): Promise<Answer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
  const res = await fetch(`${base}/api/admin/theme/logo`, { method: 'PUT', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : null };
}

/** The logo as served: status, headers and bytes. */
export async function fetchLogo(url: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** A small solid image of the given format. */
export const image = (format: 'png' | 'jpeg', width = 48, height = 24, background = '#8a1538'): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background } }).toFormat(format).toBuffer();

/** A GIF (header and a few bytes are enough for the sniffer). */
export const gif = (): Buffer => Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0x80, 0, 0]), Buffer.alloc(32)]);

/** An SVG logo of 40 × 20 filled with a green rectangle, with `inner` after the rectangle and `prolog` before the root. */
export const svgLogo = (inner = '', prolog = '', rootAttributes = ''): Buffer =>
  Buffer.from(
    `${prolog}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 40 20" width="40" height="20"${rootAttributes}>` +
      `<rect x="0" y="0" width="40" height="20" fill="#2e6a43"/>${inner}</svg>`,
  );

/** The colour of the pixel at (x, y) of an image rendered by sharp (an SVG rasterized), as `#rrggbb`. */
export async function pixelAt(bytes: Buffer, x: number, y: number): Promise<string> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return `#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
