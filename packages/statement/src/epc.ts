// The payload of an EPC QR code ("GiroCode", EPC069-12 version 002): a SEPA credit transfer that banking apps read.

export interface EpcTransfer {
  /** Beneficiary name, at most 70 characters. */
  recipient: string;
  /** Beneficiary IBAN; spaces are removed, letters upper-cased. */
  iban: string;
  /** BIC; optional inside the EEA. */
  bic?: string | null;
  /** Amount in euro cents, 1 … 99,999,999,999. */
  amountCents: number;
  /** Unstructured remittance text, at most 140 characters. */
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
 * The twelve lines of an EPC069-12 payload (service tag BCD, version 002, character set 1 = UTF-8, SCT, BIC, name,
 * IBAN, amount, purpose, structured reference, remittance text, information), joined by LF without trailing
 * empty lines.
 */
export function epcPayload(transfer: EpcTransfer): string {
  const recipient = transfer.recipient.trim();
  const iban = transfer.iban.replace(/\s+/g, '').toUpperCase();
  const bic = (transfer.bic ?? '').replace(/\s+/g, '').toUpperCase();
  const remittance = transfer.remittance.trim();
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
