/** The schemas' output types must equal the model's configuration types: drift breaks typecheck. */
import type { DistributionSpec } from '@carepool/engine';
import type { StaffPoolConfig, SystemConfig, WorkforceConfig } from '@carepool/model';
import type { NetworkConfig } from '@carepool/network';
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { distributionSchema } from '../src/schema/distribution.js';
import type { networkConfigSchema } from '../src/schema/network.js';
import type { systemConfigSchema } from '../src/schema/system.js';
import type { staffPoolSchema, workforceSchema } from '../src/schema/workforce.js';

describe('schema output types', () => {
  it('equal the model configuration types', () => {
    expectTypeOf<z.output<typeof systemConfigSchema>>().toEqualTypeOf<SystemConfig>();
    expectTypeOf<z.output<typeof workforceSchema>>().toEqualTypeOf<WorkforceConfig>();
    expectTypeOf<z.output<typeof staffPoolSchema>>().toEqualTypeOf<StaffPoolConfig>();
    expectTypeOf<z.output<typeof networkConfigSchema>>().toEqualTypeOf<NetworkConfig>();
    expectTypeOf<z.output<typeof distributionSchema>>().toEqualTypeOf<DistributionSpec>();
  });
});
