// write-excel-file's module behind its browser entry, reached by its path from xlsx-writer.ts (the package's exports
// do not list it): the writer with a synchronous zip.
declare module '*/write-excel-file/modules/export/writeXlsxFileUniversal.js' {
  import type { Options, SheetData, SheetOptions } from 'write-excel-file/browser';

  type FileContent = Blob | ArrayBuffer;

  /** The .xlsx file, zipped on the main thread; `toBytes` reads file contents that are not text (images). */
  export function generateXlsxFileSync(
    data: SheetData,
    sheetOptions: SheetOptions<FileContent>,
    options: Options<FileContent>,
    toBytes: (content: FileContent) => Promise<Uint8Array>,
  ): Promise<Blob>;
}
