/** Live reads for the exchange components: names of campaigns and creators (for exports). */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';

export interface NameMaps {
  campaignNames: Map<string, string>;
  creatorNames: Map<string, string>;
}

export function useNameMaps(): NameMaps | undefined {
  return useLiveQuery(async () => {
    const [campaigns, creators] = await Promise.all([db.campaigns.toArray(), db.creators.toArray()]);
    return {
      campaignNames: new Map(campaigns.map((c) => [c.id, c.name])),
      creatorNames: new Map(creators.map((c) => [c.id, c.name])),
    };
  }, []);
}
