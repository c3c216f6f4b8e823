/**
 * The built-in deployment policies, one file each. `createPolicy` builds one from its id and the
 * system configuration (whose `workforce.policySettings` holds its settings).
 */
import type { PolicyId, SystemConfig } from '../../config.js';
import type { DeploymentPolicy } from '../../contracts.js';
import { ModelError } from '../../errors.js';
import { resolveSystemConfig } from '../../resolve.js';
import type { ResolvedSystemConfig } from '../../resolved-types.js';
import { dischargeFirstPolicy } from './discharge-first.js';
import { mutualAidPolicy } from './mutual-aid.js';
import { rotationalPostsPolicy } from './rotational-posts.js';
import { siloedPolicy } from './siloed.js';
import { staffPassportPolicy } from './staff-passport.js';
import { systemBankPolicy } from './system-bank.js';

export { dischargeFirstPolicy } from './discharge-first.js';
export { mutualAidPolicy } from './mutual-aid.js';
export { awayInWeek, rotationalPostsPolicy } from './rotational-posts.js';
export { siloedPolicy } from './siloed.js';
export { staffPassportPolicy } from './staff-passport.js';
export { systemBankPolicy } from './system-bank.js';

/**
 * The built-in policy `id`, configured from `config.workforce.policySettings` with the defaults
 * filled; the configuration is resolved first, so one the model cannot run is a `ModelError` here.
 */
export function createPolicy(id: PolicyId, config: SystemConfig): DeploymentPolicy {
  return builtInPolicy(id, resolveSystemConfig(config));
}

/** The built-in policy `id` of a resolved configuration: policies read no defaults of their own. */
export function builtInPolicy(id: PolicyId, config: ResolvedSystemConfig): DeploymentPolicy {
  switch (id) {
    case 'siloed':
      return siloedPolicy();
    case 'systemBank':
      return systemBankPolicy(config);
    case 'staffPassport':
      return staffPassportPolicy(config);
    case 'rotationalPosts':
      return rotationalPostsPolicy(config);
    case 'mutualAid':
      return mutualAidPolicy(config);
    case 'dischargeFirst':
      return dischargeFirstPolicy(config);
    default:
      throw new ModelError(`unknown deployment policy '${String(id)}'`);
  }
}
