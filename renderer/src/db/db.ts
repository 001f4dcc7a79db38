/**
 * The app's single AppDb instance, and the request for persistent storage (so the browser does not evict
 * a producer's workspace under storage pressure).
 */
import { AppDb } from './app-db';

export const db = new AppDb();

export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
