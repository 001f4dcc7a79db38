/**
 * A page opened by a link to one record (search results: `/brands?id=…`, `/calendar?id=…`) opens that record.
 * Invariants: `open` runs once per link, during render and only when the page says it is `ready` (its lists
 * loaded), so it may set the page's own state; the `id` parameter is then dropped from the URL (replace, no
 * history entry), so closing what it opened does not open it again, and the same link followed later does.
 */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

export function useLinkedId(ready: boolean, open: (id: string) => void): void {
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const [handled, setHandled] = useState<string | null>(null);
  if (id !== handled && (id === null || ready)) {
    setHandled(id);
    if (id !== null) open(id);
  }
  useEffect(() => {
    if (id !== null && id === handled) setParams({}, { replace: true });
  }, [id, handled, setParams]);
}
