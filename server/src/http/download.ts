import type { Response } from 'express';

// File answers (receipts, documents, archives): always an attachment, never rendered by the browser, never stored by
// a shared cache. The name is the uploader's and is only ever used inside this header.

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 5987). */
export function attachment(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'download';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The extensions of the types a download may have; the first is added to a name that ends in none of them. */
const extensions: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg', '.jpe', '.jfif'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'image/heic': ['.heic', '.heif'],
  'image/heif': ['.heif', '.heic'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/zip': ['.zip'],
};

/** Characters that turn the direction text is shown in: "Rechnung\u202Efdp.exe" shows as "Rechnungexe.pdf". */
const directionControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name a file of the served `type` is saved under: the uploader's name with direction controls replaced by `_`,
 * and the type's extension added unless the name ends in one (any case). A PDF called "Seite.html" or "Scan" is saved
 * as "Seite.html.pdf" or "Scan.pdf", never as something a computer would open as another type. Other types keep
 * the name.
 */
export function downloadName(name: string, type: string): string {
  const shown = name.replace(directionControls, '_');
  const allowed = extensions[type];
  if (!allowed || allowed.some((ext) => shown.toLowerCase().endsWith(ext))) return shown;
  return `${shown}${allowed[0]}`;
}

/**
 * The headers of a download: `type` is chosen by the server (sniffed at upload), `length` in bytes when known (a
 * streamed archive may not know it yet), `name` the file name offered for saving (as {@link downloadName} makes it).
 */
export function downloadHeaders(res: Response, file: { type: string; name: string; length?: number }): void {
  res.setHeader('Content-Type', file.type);
  if (file.length !== undefined) res.setHeader('Content-Length', String(file.length));
  res.setHeader('Content-Disposition', attachment(downloadName(file.name, file.type)));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
}

/** A stored file as it is sent: the offered name, the served type, the size in bytes and the bytes. */
export interface StoredDownload {
  name: string;
  mime: string;
  size: number | string;
  bytes: Buffer | Uint8Array;
}

/**
 * Sends `file` with {@link downloadHeaders}; `Content-Disposition: inline` instead of `attachment` for the types in
 * `inlineTypes` (images a page shows), with the same RFC 6266 / RFC 5987 name.
 */
export function sendStoredFile(res: Response, file: StoredDownload, inlineTypes: ReadonlySet<string>): void {
  downloadHeaders(res, { type: file.mime, name: file.name, length: Number(file.size) });
  if (inlineTypes.has(file.mime)) res.setHeader('Content-Disposition', attachment(downloadName(file.name, file.mime)).replace(/^attachment/, 'inline'));
  res.end(Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes));
}
