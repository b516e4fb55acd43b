// The payload of an EPC QR code ("GiroCode"): a SEPA credit transfer that banking apps read. The rules come from
// EPC069-12 version 002, "Quick Response Code: Guidelines to Enable Data Capture for the Initiation of a SEPA Credit
// Transfer" (European Payments Council).

export interface EpcTransfer {
  /** Beneficiary name, at most 70 characters (after {@link epcText}). */
  recipient: string;
  /** Beneficiary IBAN; spaces and control characters are removed, letters upper-cased. */
  iban: string;
  /** BIC; optional inside the EEA. */
  bic?: string | null;
  /** Amount in euro cents, 1 … 99,999,999,999. */
  amountCents: number;
  /** Unstructured remittance text, at most 140 characters (after {@link epcText}). */
  remittance: string;
}

/** Raised for input that no bank could accept. */
export class EpcError extends Error {
  constructor(readonly field: keyof EpcTransfer, message: string) {
    super(`${field}: ${message}`);
    this.name = 'EpcError';
  }
}

const MAX_BYTES = 331;
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

// Whitespace, control characters (Unicode Cc: CR, LF, TAB, NEL U+0085, NUL …) and line and paragraph separators
// (Zl U+2028, Zp U+2029).
const BREAKS = /[\s\p{Cc}\p{Zl}\p{Zp}]+/gu;
// Invisible format characters (Unicode Cf: BOM/ZWNBSP U+FEFF, zero-width space, soft hyphen, bidi controls …), except
// the zero-width (non-)joiner U+200C/U+200D, which some scripts and emoji sequences need.
const INVISIBLE = /(?![\u200C\u200D])\p{Cf}/gu;
// Half of a surrogate pair without the other half; UTF-8 can only carry it as U+FFFD.
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * A text field as an EPC069-12 payload can carry it. The payload separates its data elements with LF (or CR LF), and
 * many readers also break lines at CR, NEL, U+2028 or U+2029, so a break inside a name or text would move every later
 * field to the wrong line (the IBAN onto the amount's line and so on). Therefore every run of whitespace and control
 * characters becomes one space, invisible format characters are dropped, a lone surrogate becomes U+FFFD (as UTF-8
 * encodes it) and the ends are trimmed. Master data imported from other systems often carries such characters.
 */
export function epcText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(INVISIBLE, '').replace(BREAKS, ' ').trim();
}

/** The transfer's fields exactly as the payload carries them, for the text shown next to the code. */
export interface EpcFields {
  recipient: string;
  /** Without spaces, upper case. */
  iban: string;
  /** Without spaces, upper case; '' when there is none. */
  bic: string;
  amountCents: number;
  remittance: string;
}

/** Cleans every field of the transfer (see {@link epcText}) without checking it; {@link epcPayload} checks. */
export function epcFields(transfer: EpcTransfer): EpcFields {
  const code = (text: string) => epcText(text).replace(/ /g, '').toUpperCase();
  return {
    recipient: epcText(transfer.recipient),
    iban: code(transfer.iban),
    bic: code(transfer.bic ?? ''),
    amountCents: transfer.amountCents,
    remittance: epcText(transfer.remittance),
  };
}

/** True when the IBAN has a valid shape and its mod-97 check digits are right. */
export function validIban(iban: string): boolean {
  const value = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value)) return false;
  const digits = (value.slice(4) + value.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  return rest === 1;
}

/** "EUR1234.56" for 123456 cents. */
export function epcAmount(cents: number): string {
  return `EUR${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * The lines of an EPC069-12 payload (service tag BCD, version 002, character set 1 = UTF-8, SCT, BIC, name, IBAN,
 * amount, purpose, structured reference, remittance text; the twelfth, information, stays out), joined by LF without
 * trailing empty lines. Every field is cleaned by {@link epcFields} first, so the limits of EPC069-12 (name 70
 * characters, remittance text 140, the whole payload 331 bytes) apply to the text the code really carries.
 * @throws {EpcError} for a field no bank could accept.
 */
export function epcPayload(transfer: EpcTransfer): string {
  const { recipient, iban, bic, remittance } = epcFields(transfer);
  if (!recipient || recipient.length > 70) throw new EpcError('recipient', 'needs 1 to 70 characters');
  if (!validIban(iban)) throw new EpcError('iban', 'is not a valid IBAN');
  if (bic && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) throw new EpcError('bic', 'is not a valid BIC');
  if (!Number.isInteger(transfer.amountCents) || transfer.amountCents < 1 || transfer.amountCents > 99_999_999_999) {
    throw new EpcError('amountCents', 'must be between 0.01 and 999999999.99 euro');
  }
  if (remittance.length > 140) throw new EpcError('remittance', 'has more than 140 characters');
  const lines = ['BCD', '002', '1', 'SCT', bic, recipient, iban, epcAmount(transfer.amountCents), '', '', remittance];
  const payload = lines.join('\n').replace(/\n+$/, '');
  if (utf8Length(payload) > MAX_BYTES) throw new EpcError('remittance', `makes the payload longer than ${MAX_BYTES} bytes`);
  return payload;
}
