import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { HttpProblem } from '../http/problems.ts';
import { sizeText } from '../http/upload.ts';
import { sanitizeSvg, SvgRefused } from './svg.ts';

// The organization's logo (issue 14, openapi.yaml /admin/theme/logo and /organizations/{slug}/logo): PNG, JPEG or
// sanitized SVG of at most 200 KB, judged by the bytes, never by a name or a declared type. The bytes are kept as
// they came (PNG, JPEG) or as sanitized (SVG), so an export and its import hold the same file.

/** Largest logo, in bytes (200 KB), as uploaded or decoded from an export's data URL. */
export const maxLogoBytes = 200 * 1024;

/** The types a logo may have. */
export const logoTypes = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type LogoType = (typeof logoTypes)[number];

/** A logo ready to store: its type, its bytes (an SVG sanitized) and their SHA-256 (hex). */
export interface PreparedLogo {
  mime: LogoType;
  bytes: Buffer;
  sha256: string;
}

/** 415 `unsupported_file_type` naming the field (`file`, `/logo`). */
export const refusedLogo = (field: string, why = 'The logo must be a PNG, JPEG or SVG image (judged by its content).'): HttpProblem =>
  new HttpProblem(415, 'unsupported_file_type', why, { errors: [{ field, code: 'type', message: why }] });

/** 413 `file_too_large` naming the field, with the limit in bytes as `limitBytes`. */
export const logoTooLarge = (field: string): HttpProblem => {
  const message = `The logo is larger than ${sizeText(maxLogoBytes)}.`;
  return new HttpProblem(413, 'file_too_large', message, { errors: [{ field, code: 'too_large', message }], extra: { limitBytes: maxLogoBytes } });
};

const names: Record<LogoType, string> = { 'image/png': 'logo.png', 'image/jpeg': 'logo.jpg', 'image/svg+xml': 'logo.svg' };

/** The file name a logo of `mime` is stored under (`files.original_name`). */
export const logoFileName = (mime: LogoType): string => names[mime];

/** True when sharp can read the image's header as `format` (a PNG or JPEG signature on garbage is refused). */
async function readsAs(bytes: Buffer, format: 'png' | 'jpeg'): Promise<boolean> {
  try {
    return (await sharp(bytes).metadata()).format === format;
  } catch {
    return false;
  }
}

/**
 * Checks `bytes` as a logo: 413 over {@link maxLogoBytes}; PNG and JPEG (sniffed, header readable) kept as they are;
 * anything else must be well-formed SVG text and is sanitized (svg.ts), also at most {@link maxLogoBytes} afterwards;
 * 415 for every other type (GIF, PDF, an HTML page called .svg). `field` names the input in the problems.
 */
export async function prepareLogo(bytes: Buffer, field: string): Promise<PreparedLogo> {
  if (bytes.length > maxLogoBytes) throw logoTooLarge(field);
  if (bytes.length === 0) throw new HttpProblem(400, 'validation_failed', 'The logo is empty.', { errors: [{ field, code: 'empty', message: 'The logo is empty.' }] });
  const sniffed = (await fileTypeFromBuffer(bytes))?.mime;
  let logo: { mime: LogoType; bytes: Buffer };
  if (sniffed === 'image/png' || sniffed === 'image/jpeg') {
    if (!(await readsAs(bytes, sniffed === 'image/png' ? 'png' : 'jpeg'))) throw refusedLogo(field, 'The image cannot be read.');
    logo = { mime: sniffed, bytes };
  } else if (sniffed === undefined || sniffed === 'application/xml') {
    try {
      logo = { mime: 'image/svg+xml', bytes: await sanitizeSvg(bytes, 4 * maxLogoBytes) };
    } catch (err) {
      if (err instanceof SvgRefused) throw refusedLogo(field, `${err.message} The logo must be a PNG, JPEG or SVG image.`);
      throw err;
    }
    if (logo.bytes.length > maxLogoBytes) throw logoTooLarge(field);
  } else throw refusedLogo(field);
  return { ...logo, sha256: createHash('sha256').update(logo.bytes).digest('hex') };
}

/** `data:<mime>;base64,<bytes>`, as a theme export carries the logo. */
export const logoDataUrl = (mime: string, bytes: Uint8Array): string => `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;

/**
 * The bytes of an export's logo data URL (`data:image/png|jpeg|svg+xml;base64,…`): 400 naming `field` when it is not
 * such a base64 data URL, 415 for another declared type, 413 when the bytes exceed {@link maxLogoBytes}. The declared
 * type is not trusted: {@link prepareLogo} sniffs the bytes afterwards.
 */
export function decodeLogoDataUrl(url: string, field: string): Buffer {
  const match = /^data:([\w.+-]+\/[\w.+-]+)(?:;[\w-]+=[\w.-]+)*;base64,([A-Za-z0-9+/]*={0,2})$/.exec(url.trim());
  if (!match) {
    const message = 'The logo must be a data URL: data:image/png|jpeg|svg+xml;base64,…';
    throw new HttpProblem(400, 'validation_failed', message, { errors: [{ field, code: 'format', message }] });
  }
  if (!(logoTypes as readonly string[]).includes(match[1]!.toLowerCase())) throw refusedLogo(field);
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length > maxLogoBytes) throw logoTooLarge(field);
  return bytes;
}

/**
 * The logo's public path as `organizations.logo_url` keeps it: `/api/organizations/<slug>/logo?v=<first 12 hex of
 * its SHA-256>` (relative like the properties' `image_url`; a new logo gets a new address, so caches never show the
 * old one).
 */
export const logoPath = (slug: string, sha256: string): string => `/api/organizations/${encodeURIComponent(slug)}/logo?v=${sha256.slice(0, 12)}`;

/**
 * A stored logo path as the API answers it: absolute against `base` (HP_PUBLIC_URL or the request's address, see
 * units/properties.ts `publicBase`), as the properties' `imageUrl` are, so a widget on another site loads it from the
 * server. `data:` URLs (a dry run's preview) and null stay as they are.
 */
export function absoluteLogoUrl(stored: string | null, base: string): string | null {
  if (!stored || stored.startsWith('data:')) return stored;
  try {
    return new URL(stored, `${base}/`).toString();
  } catch {
    return null;
  }
}
