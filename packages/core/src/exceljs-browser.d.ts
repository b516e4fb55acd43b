// The browser build of ExcelJS (no polyfills); its API is the package's.
declare module 'exceljs/dist/exceljs.bare.min.js' {
  const ExcelJS: typeof import('exceljs');
  export default ExcelJS;
}
