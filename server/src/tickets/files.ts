import type { RequestHandler } from 'express';
import type { CommentVisibility } from '@hausportal/api';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';

/** A file checked and processed, ready to store (outside any transaction: image work takes time). */
export interface PreparedFile {
  name: string;
  mime: string;
  bytes: Buffer;
  thumb: Buffer | null;
}

/**
 * Multipart parsing for ticket requests (http/upload.ts `multipart`): fields checked against the named OpenAPI
 * schema (`TicketSubmission`, `TicketCommentUpload`, …), files in parts named `files`, at most `maxFiles` of at most
 * the server's upload limit each (413 problem otherwise). A form's own smaller limits are checked by the caller.
 */
export declare function ticketMultipart(ctx: Pick<Ctx, 'config'>, schemaName: string, maxFiles?: number): RequestHandler[];

/**
 * Check and process uploaded files: the type sniffed from the bytes (JPEG, PNG, WebP, HEIC, PDF; throws a 415
 * problem otherwise), JPEG/PNG/WebP re-encoded without metadata (EXIF location), HEIC converted to JPEG (the name
 * gets ".jpg"; a HEIC that cannot be read is kept as a download without preview), a JPEG preview for each image,
 * the UTF-8 name kept.
 */
export declare function prepareTicketFiles(files: readonly Express.Multer.File[]): Promise<PreparedFile[]>;

/** Where prepared files belong. */
export interface TicketFilesTarget {
  organizationId: string;
  ticketId: string;
  commentId: string | null;
  visibility: CommentVisibility;
  uploadedBy: string | null;
}

/** Store prepared files in `files` and `ticket_files` inside `trx`; returns the new ticket_files ids. */
export declare function storeTicketFiles(trx: Db, ctx: Pick<Ctx, 'clock'>, target: TicketFilesTarget, files: readonly PreparedFile[]): Promise<string[]>;
