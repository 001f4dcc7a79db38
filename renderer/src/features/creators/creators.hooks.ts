import { useLiveQuery } from 'dexie-react-hooks';
import type { Creator } from '../../../../shared/domain/entities';
import { db } from '../../db/db';

export function useCreators(): Creator[] | undefined {
  return useLiveQuery(() => db.creators.orderBy('name').toArray(), []);
}
