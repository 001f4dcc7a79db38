/**
 * The OS secret store behind Electron's safeStorage (macOS Keychain, Windows DPAPI, libsecret/KWallet on Linux).
 * Returns undefined where there is no real store: encryption unavailable, or Linux falling back to
 * `basic_text` (a hard-coded key, i.e. obfuscation, not protection). The services then keep the OBS password
 * only in memory and the UI says so. Call after app 'ready'.
 */
import { safeStorage } from 'electron';
import type { SecretCipher } from '../services/obs/obs.connection-store';

export function osSecretCipher(): SecretCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return undefined;
  }
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (encrypted) => safeStorage.decryptString(encrypted),
  };
}
