/**
 * The offer to resume an interrupted show: asked when the page mounts and again after every reconnect to the
 * studio's services (a host that restarted after a crash has a show to resume), so the offer shows without a
 * page reload. While the services do not answer there is no offer (nothing could resume it).
 */
import { useEffect, useState } from 'react';
import type { ResumeOffer } from '../../../../shared/contract/runner.schema';
import { studio } from '../../studio/studio';
import { useStudioConnection } from '../../studio/studio.hooks';

export function useResumeOffer(): ResumeOffer | undefined {
  const { status, reconnects } = useStudioConnection();
  const [offer, setOffer] = useState<{ value: ResumeOffer; reconnects: number }>();
  useEffect(() => {
    let live = true;
    studio.findResumableShow().then(
      (value) => {
        if (live) setOffer({ value, reconnects });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [reconnects]);
  // An answer from before the last reconnect is not shown: it may describe a host that is gone.
  return status === 'disconnected' || offer?.reconnects !== reconnects ? undefined : offer.value;
}
