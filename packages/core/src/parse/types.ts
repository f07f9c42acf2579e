/** One page of OCR'd text as read from a file. */
export interface PageInput {
  /** File name, kept as the article's `page`. */
  name: string;
  text: string;
}

/** What a metadata file (`manifest.json` beside the pages) says about a page; overrides inference. */
export interface PageMeta {
  paper?: string;
  /** ISO date of the issue. */
  date?: string;
  /** Printed page number (版次), used to resolve 下转/上接 links. */
  pageNumber?: number;
}

/** `manifest.json`: `{ "pages": { "<file name>": PageMeta } }`. */
export interface Manifest {
  pages?: Record<string, PageMeta>;
}
