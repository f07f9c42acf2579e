/**
 * The user's imported archive bundle, kept in IndexedDB (bundles are too large
 * for storage.local's quota on Chrome), and the newsroom server's matcher section. One database, one store.
 */
import type { CachedSection } from './remote-archive.js';
const DB = 'jianbao';
const STORE = 'archive';
const KEY = 'imported';
const SERVER_MATCHER_KEY = 'server-matcher';

export interface StoredBundle {
  text: string;
  name: string;
  importedAt: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB: cannot open the archive store'));
  });
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const request = action(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result as T);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB: transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB: transaction aborted (disk full?)'));
    });
  } finally {
    db.close();
  }
}

/** The newsroom server's matcher section, kept by revision (ETag) so a restart does not fetch it again. */
export const readServerMatcher = () => run<CachedSection | undefined>('readonly', (s) => s.get(SERVER_MATCHER_KEY));
export const writeServerMatcher = (section: CachedSection) => run<unknown>('readwrite', (s) => s.put(section, SERVER_MATCHER_KEY)).then(() => undefined);
export const readImportedBundle = () => run<StoredBundle | undefined>('readonly', (s) => s.get(KEY));
export const writeImportedBundle = (bundle: StoredBundle) => run<unknown>('readwrite', (s) => s.put(bundle, KEY)).then(() => undefined);
export const clearImportedBundle = () => run<unknown>('readwrite', (s) => s.delete(KEY)).then(() => undefined);
