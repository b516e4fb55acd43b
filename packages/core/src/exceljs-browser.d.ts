// The browser build of ExcelJS (no polyfills), which the tests read .xlsx files with; its API is the package's.
declare module 'exceljs/dist/exceljs.bare.min.js' {
  const ExcelJS: typeof import('exceljs');
  export default ExcelJS;
}
