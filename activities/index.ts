import { createNotifier, type Transports } from './notify/notifier';
import { createClinicianNoticeActivities } from './clinician-notices';
import { createSignInActivities } from './sign-in';

export interface ActivityDeps {
  transports: Transports;
  publicUrl: string;
  now?: () => Date;
}

/** Every activity, built from injected dependencies: the worker passes real transports, tests pass fakes. */
export function createActivities({ transports, publicUrl, now = () => new Date() }: ActivityDeps) {
  const notifier = createNotifier(transports, now);
  return {
    ...createSignInActivities({ notifier, publicUrl, now }),
    ...createClinicianNoticeActivities({ notifier }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
