/** One page of OCR'd text as read from a file. */
export interface PageInput {
  /** File name, kept as the article's `page`. */
  name: string;
  text: string;
}

/**
 * What a metadata file (`manifest.json` beside the pages) says about a page.
 * Each field SUPPLIES or OVERRIDES what infer-meta.ts infers from the text
 * (paper, date); pageNumber only comes from here.
 */
export interface PageMeta {
  paper?: string;
  /** Date of the issue: YYYY-MM-DD, or YYYY-MM / YYYY where the day (month) is not known. */
  date?: string;
  /** Printed page number (版次), used to resolve 下转/上接 links. */
  pageNumber?: number;
}

/** `manifest.json`: `{ "pages": { "<file name>": PageMeta } }`. */
export interface Manifest {
  pages?: Record<string, PageMeta>;
}
