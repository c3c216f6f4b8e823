import type { DeploymentPolicy } from '../../contracts.js';

/** Each organisation uses only its own staff, its own bank and agency: no moves, no system bank. */
export function siloedPolicy(): DeploymentPolicy {
  return {
    id: 'siloed',
    description:
      'Each organisation uses only its own staff, bank and agency; nobody moves between organisations.',
    decide: () => ({ moves: [], systemBankFills: [] }),
  };
}
