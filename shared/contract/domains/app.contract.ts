/**
 * The app domain's slice of the contract: who answers. getAppInfo is also the transports' heartbeat
 * (renderer/src/studio/connection.ts), so it stays the cheapest read there is.
 */
import { z } from 'zod';
import { returns } from '../define';

export interface AppInfo {
  name: string;
  version: string;
  /** How this renderer reaches the services. */
  transport: 'ipc' | 'websocket';
  platform: string;
}

export const appContract = {
  getAppInfo: returns<Omit<AppInfo, 'transport'>>().read(z.tuple([])),
};
