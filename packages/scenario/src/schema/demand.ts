/**
 * How a demand rate varies over time, as a zod schema: multipliers by hour of day, day of week and
 * month, and growth year on year (part of the resolved SystemConfig, see system.ts).
 */
import { z } from 'zod';
import { multiplier, strictObject } from './common.js';

const flat = (n: number) => Array.from({ length: n }, () => 1);
const multipliers = (n: number, what: string) =>
  z
    .array(multiplier(`Multiplier for one ${what}.`))
    .length(n)
    .refine((values) => values.some((v) => v > 0), {
      message: `all ${n} multipliers are 0`,
      params: { expected: 'at least one multiplier above 0 (for no demand, set the rate to 0)' },
    })
    .default(flat(n))
    .describe(
      `${n} multipliers, relative to the mean, ${what === 'hour' ? '00:00–01:00' : what === 'day' ? 'Monday' : 'January'} first; renormalised so the mean rate is kept. Default: flat.`,
    );

export const demandProfileSchema = strictObject({
  hourOfDayMultipliers: multipliers(24, 'hour'),
  dayOfWeekMultipliers: multipliers(7, 'day'),
  monthMultipliers: multipliers(12, 'month'),
  annualGrowthShare: z
    .number()
    .min(-0.5)
    .max(1)
    .default(0)
    .describe('Compound annual growth of the mean rate, e.g. 0.054 (or `5.4%`) for +5.4% a year. Default 0.'),
}).describe('How a demand rate varies by hour of day, day of week and month, and grows year on year.');

export const flatProfile = () => demandProfileSchema.parse({});
