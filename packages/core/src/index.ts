export * from './context.js';
export { HpElement } from './hp-element.js';
export { HpSession } from './hp-session.js';
export { HpSessionChangeEvent, HpSessionConnectedEvent } from './events.js';
export { define, tagName, ensureContextRoot, type DefineOptions } from './define-element.js';
export {
  registerTranslations,
  setLocale,
  getLocale,
  normalizeLocale,
  documentLocale,
  ensureLocalization,
  locales,
  defaultLocale,
  sourceLocale,
} from './localization.js';
export * from './format.js';
export { OrgDayController, orgToday, organizationArrived, serverNow } from './calendar.js';
export { hostStyles, tokenRules, themeTokenNames } from './styles/tokens.js';
export { OrgThemeController, themeDeclarations, themeLayer } from './org-theme.js';
export { formStyles, formRules, scopedFormCss, adoptScopedFormStyles } from './styles/form.js';
export { renderLoading, renderEmpty, renderError, stateStyles, problemMessage, toProblem } from './states.js';
export { StandaloneSessionController } from './standalone.js';
export { sharedSession, type SharedSession, type OrganizationLoad } from './shared-session.js';
export { PreviewBannerController, previewBannerStyles, previewClientFor, renderPreviewBanner, takePreviewCode } from './preview-banner.js';
export { PageSessionController, hasSessionAbove, type PageSessionStatus, type PageSessionTarget } from './page-session.js';
export { toCsv, csvMoney, csvNumber, csvSeparator, downloadText, downloadBlob, type CsvCell } from './export.js';
export { sheetCsv, type Sheet, type SheetColumn, type SheetCell, type ColumnKind } from './sheet.js';
export { toXlsx, XLSX_TYPE } from './xlsx.js';
export { ExportController, exportStyles, type ExportSource } from './export-controller.js';
export { balanceKind, balanceText, renderBalance, type BalanceKind } from './balance.js';
export { renderAbbr, abbrStyles } from './abbr.js';
export { columnAreas } from './styles/grid-areas.js';
export { frameStyles } from './styles/frame.js';
export { SessionStore, type SessionStoreHost, type SessionKey } from './session-store.js';
export { PagedStore, type PagedStoreHost, type ListPage } from './paged-store.js';
export { BlobUrlController } from './blob-urls.js';
export { importOnce } from './import-once.js';
export { PrintController } from './print-controller.js';
export { VIRTUAL_THRESHOLD, loadVirtualizer, loadedVirtualizer } from './virtual.js';
