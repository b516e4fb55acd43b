import { createRequire } from 'node:module';
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { HttpProblem } from '../http/problems.ts';

// Attachments of tickets and their comments (DESIGN §6a): the type is sniffed from the bytes, never taken from the
// name. Photos are stored re-encoded, which drops every piece of metadata (sharp writes none unless asked; EXIF GPS
// positions of phone photos go with it), turned upright first and at most 2560 px on the long edge. HEIC photos from
// iPhones become JPEG (heic-convert; browsers cannot show HEIC); one that cannot be read is kept as it came, offered
// as a download without preview. Every image gets a JPEG preview of at most 320 px. PDFs are kept as they are.

/** Types a ticket attachment may have, by its content. */
export const ticketFileTypes: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/pdf']);

/** Long edge of a stored photo and of its preview, in pixels. */
export const photoEdge = 2560;
export const thumbEdge = 320;

/** A processed attachment: the name to offer, its type and bytes, and a JPEG preview (images only). */
export interface ProcessedFile {
  name: string;
  mime: string;
  bytes: Buffer;
  thumb: Buffer | null;
}

type HeicConvert = (options: { buffer: Buffer | Uint8Array; format: 'JPEG' | 'PNG'; quality?: number }) => Promise<Uint8Array>;
// heic-convert ships no type declarations; its one export is typed here.
const heicConvert = createRequire(import.meta.url)('heic-convert') as HeicConvert;

/** 415 naming the file (as the client called it) whose content is not an allowed type. */
export const refusedAttachment = (name: string, field = 'files'): HttpProblem =>
  new HttpProblem(415, 'unsupported_file_type', `"${name}" is not a JPEG, PNG, WebP, HEIC or PDF file (judged by its content).`, {
    errors: [{ field, code: 'type', message: `"${name}" is not an allowed file type.` }],
  });

/**
 * The name with its last extension replaced by `ext` ("IMG_0042.HEIC" → "IMG_0042.jpg"; no extension: appended),
 * shortened to fit 255 characters.
 */
export function withExtension(name: string, ext: string): string {
  const dot = name.lastIndexOf('.');
  return `${[...(dot > 0 ? name.slice(0, dot) : name)].slice(0, 255 - ext.length).join('')}${ext}`;
}

const formats = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' } as const;
type Reencoded = keyof typeof formats;

/** Upright, at most {@link photoEdge} px, written anew in the same format without any metadata. */
async function reencode(bytes: Buffer, mime: Reencoded): Promise<Buffer> {
  return sharp(bytes)
    .rotate()
    .resize({ width: photoEdge, height: photoEdge, fit: 'inside', withoutEnlargement: true })
    .toFormat(formats[mime])
    .toBuffer();
}

/** A JPEG preview of at most {@link thumbEdge} px (transparency on white). */
export async function thumbnail(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes)
    .rotate()
    .resize({ width: thumbEdge, height: thumbEdge, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** HEIC/HEIF as an upright JPEG of at most {@link photoEdge} px, or null when it cannot be decoded. */
async function heicToJpeg(bytes: Buffer): Promise<Buffer | null> {
  try {
    return await reencode(Buffer.from(await heicConvert({ buffer: bytes, format: 'JPEG', quality: 0.9 })), 'image/jpeg');
  } catch {
    return null;
  }
}

/**
 * Checks and processes one attachment called `name` (the client's name, kept exactly): 415 naming it unless its
 * content is JPEG, PNG, WebP, HEIC/HEIF or PDF, or when an image of those types cannot be decoded.
 */
export async function processAttachment(name: string, bytes: Buffer, field = 'files'): Promise<ProcessedFile> {
  const mime = (await fileTypeFromBuffer(bytes))?.mime;
  if (!mime || !ticketFileTypes.has(mime)) throw refusedAttachment(name, field);
  if (mime === 'application/pdf') return { name, mime, bytes, thumb: null };
  if (mime === 'image/heic' || mime === 'image/heif') {
    const photo = await heicToJpeg(bytes);
    return photo ? { name: withExtension(name, '.jpg'), mime: 'image/jpeg', bytes: photo, thumb: await thumbnail(photo) } : { name, mime, bytes, thumb: null };
  }
  try {
    const photo = await reencode(bytes, mime as Reencoded);
    return { name, mime, bytes: photo, thumb: await thumbnail(photo) };
  } catch {
    throw refusedAttachment(name, field);
  }
}
