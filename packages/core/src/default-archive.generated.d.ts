/** Written by scripts/build-default-archive.mjs at build time: the default bundle as JSON text. */
declare const bundleText: string;
export default bundleText;
