/**
 * Handlers of the app domain (shared/contract/domains/app.contract.ts): who answers. getAppInfo is the
 * transports' heartbeat: it reads nothing but its options.
 */
import type { HandlersOf } from '../../../shared/contract/studio-api';

export function appHandlers(info: { name: string; version: string; platform: string }): HandlersOf<'app'> {
  return {
    getAppInfo: async () => ({ name: info.name, version: info.version, platform: info.platform }),
  };
}
