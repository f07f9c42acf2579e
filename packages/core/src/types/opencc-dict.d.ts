// opencc-js ships its dictionaries as ES modules exporting "src dst|src dst|…" strings, without type declarations.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
