/** The services staff can be deployed to (the model's ServiceKind). */
import type { ServiceKind } from '@carepool/model';

export const SERVICE_KINDS = [
  'ed',
  'ward',
  'homeCare',
  'generalPractice',
  'community',
] as const satisfies readonly ServiceKind[];
