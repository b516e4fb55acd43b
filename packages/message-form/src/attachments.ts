import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatNumber, type Locale } from '@hausportal/core';
import type { Form } from '@hausportal/api';
import { sizeText } from './model.js';

/** What the file chooser accepts (the server takes JPEG, PNG, WebP, HEIC and PDF). */
export const ACCEPT = 'image/*,.heic,.heif,application/pdf';
const acceptable = (file: File) => /^image\//.test(file.type) || file.type === 'application/pdf' || /\.(heic|heif|pdf)$/i.test(file.name);

/**
 * Adds the chosen files within the form's limits; `note` says what was left out and why (too many, too large, not a
 * photo or PDF), '' when nothing was.
 */
export function addFiles(files: File[], chosen: File[], limits: Form['attachments'], locale: Locale): { files: File[]; note: string } {
  const next = [...files];
  const notes: string[] = [];
  for (const file of chosen) {
    if (!acceptable(file)) notes.push(msg(str`${file.name} is not a photo or PDF.`, { id: 'mf.files.type' }));
    else if (file.size > limits.maxBytes) notes.push(msg(str`${file.name} is larger than ${sizeText(limits.maxBytes, locale)}.`, { id: 'mf.files.size' }));
    else if (next.length >= limits.maxFiles) {
      notes.push(msg(str`At most ${limits.maxFiles} files: ${file.name} was not added.`, { id: 'mf.files.count' }));
    } else next.push(file);
  }
  return { files: next, note: notes.join(' ') };
}

export interface AttachmentView {
  files: File[];
  limits: Form['attachments'];
  note: string;
  locale: Locale;
  /** Bytes of each file sent so far while sending (a progress bar per file), else undefined. */
  sent?: number[];
}

/** The chooser, the chosen files with name, size and a remove button, and a progress bar per file while sending. */
export function renderAttachments({ files, limits, note, locale, sent }: AttachmentView): TemplateResult {
  const full = files.length >= limits.maxFiles;
  return html`<fieldset class="field group" part="attachments">
    <legend>${msg('Attachments', { id: 'mf.files' })}</legend>
    <p class="hint" id="files-hint">
      ${msg(str`Up to ${limits.maxFiles} photos or PDFs, each at most ${sizeText(limits.maxBytes, locale)}.`, { id: 'mf.files.hint' })}
    </p>
    ${sent || full
      ? nothing
      : html`<label class="button secondary file-button">
          ${msg('Add photos or PDFs', { id: 'mf.files.add' })}
          <input type="file" class="file-input" data-files multiple accept=${ACCEPT} aria-describedby="files-hint" />
        </label>`}
    ${note ? html`<p class="error-text" role="alert">${note}</p>` : nothing}
    ${files.length
      ? html`<ul class="files" aria-label=${msg('Chosen files', { id: 'mf.files.list' })}>
          ${files.map((file, i) => html`<li class="file">
            <span class="file-name">${file.name}</span> <span class="hint">${sizeText(file.size, locale)}</span>
            ${sent ? progress(file, i, sent[i] ?? 0, locale) : html`<button type="button" class="link" data-remove=${i} aria-label=${msg(str`Remove ${file.name}`, { id: 'mf.files.remove.label' })}>
              ${msg('Remove', { id: 'mf.files.remove' })}
            </button>`}
          </li>`)}
        </ul>`
      : nothing}
  </fieldset>`;
}

function progress(file: File, i: number, sent: number, locale: Locale): TemplateResult {
  const percent = file.size ? Math.round((sent / file.size) * 100) : 100;
  return html`<span class="progress">
    <label class="sr" for="p-${i}">${msg(str`Upload of ${file.name}`, { id: 'mf.files.progress' })}</label>
    <progress id="p-${i}" max=${file.size || 1} .value=${sent}></progress>
    <span aria-hidden="true">${formatNumber(percent, locale)} %</span>
  </span>`;
}
