import type { components, paths } from './schema.js';

export type { components, paths };
type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type MePatch = Schemas['MePatch'];
export type OrganizationPublic = Schemas['OrganizationPublic'];
export type PasswordPolicy = Schemas['PasswordPolicy'];
export type Theme = Schemas['Theme'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
export type AuthResult = Schemas['AuthResult'];
export type LoginRequest = Schemas['LoginRequest'];
export type Role = Schemas['Role'];
export type PendingAction = Schemas['PendingAction'];
export type MoneyTotals = Schemas['MoneyTotals'];
export type VatTotals = Schemas['VatTotals'];
export type ContactCategory = Schemas['ContactCategory'];
export type PropertyContact = Schemas['PropertyContact'];
export type Property = Schemas['Property'];
export type ContractRole = Schemas['ContractRole'];
export type PaymentMethod = Schemas['PaymentMethod'];
export type Contract = Schemas['Contract'];
export type UnitUsage = Schemas['UnitUsage'];
export type Share = Schemas['Share'];
export type MonthlyCharges = Schemas['MonthlyCharges'];
export type UnitSummary = Schemas['UnitSummary'];
export type UnitPage = Schemas['UnitPage'];
export type UnitDetail = Schemas['UnitDetail'];
export type ChargeItem = Schemas['ChargeItem'];
export type DistributionKey = Schemas['DistributionKey'];
export type ChargeLine = Schemas['ChargeLine'];
export type ChargePeriod = Schemas['ChargePeriod'];
export type ChargeUnit = Schemas['ChargeUnit'];
export type ChargeStatement = Schemas['ChargeStatement'];
export type LedgerKind = Schemas['LedgerKind'];
export type LedgerEntry = Schemas['LedgerEntry'];
export type Ledger = Schemas['Ledger'];
export type OpenItem = Schemas['OpenItem'];
export type PaymentInstruction = Schemas['PaymentInstruction'];
export type OpenItems = Schemas['OpenItems'];
export type ExpenseGroup = Schemas['ExpenseGroup'];
export type ExpenseAccount = Schemas['ExpenseAccount'];
export type ExpenseAccountList = Schemas['ExpenseAccountList'];
export type Receipt = Schemas['Receipt'];
export type ExpenseEntry = Schemas['ExpenseEntry'];
export type ExpenseEntryPage = Schemas['ExpenseEntryPage'];

/** Why the session changed: a login, a restored session after reload, a logout, or a refresh that failed. */
export type SessionChangeReason = 'login' | 'restore' | 'update' | 'logout' | 'expired';

export interface SessionChange {
  user: Me | null;
  reason: SessionChangeReason;
}
