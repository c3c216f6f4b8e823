/**
 * Building blocks for the scenario schemas: strict objects with did-you-mean hints, and number
 * fields with units, bounds and descriptions. Upper bounds are sanity limits that catch typos and
 * absurd inputs (a population of 10^12) before they reach the model; they are far above any real ICS.
 */
import { z } from 'zod';
import { didYouMean } from '../errors.js';

/** Separates the did-you-mean hint from the list of known fields in an unknown-key issue message. */
export const FIELD_LIST_SEPARATOR = '\u0000';

/** A strict object: unknown keys are errors, with a did-you-mean hint from the known keys. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      // Read back by issues.ts: the did-you-mean hint, then the known fields.
      return `${didYouMean(issue.keys[0] ?? '', known) ?? ''}${FIELD_LIST_SEPARATOR}${known.join(', ')}`;
    },
  });
}

/** Largest count of anything (patients a day, beds, staff) a scenario may state. */
export const MAX_COUNT = 1_000_000;
/** Longest span a scenario may state, days (50 years). */
export const MAX_DAYS = 18_262;

/** A share or probability, 0–1. */
export const share = (description: string) => z.number().min(0).max(1).describe(description);

/** A non-negative number with an upper sanity bound. */
export const nonNegative = (description: string, max = MAX_COUNT) =>
  z.number().min(0).max(max).describe(description);

/**
 * Smallest positive value a rate, ratio or duration may take: far below anything real, and far above
 * the tiny numbers whose reciprocal overflows (a rate of 5e-324 an hour is an infinite gap).
 */
export const MIN_POSITIVE = 1e-9;

/** A strictly positive number with an upper sanity bound. */
export const positive = (description: string, max = MAX_COUNT) =>
  z
    .number()
    .positive()
    .max(max)
    .refine((x) => x >= MIN_POSITIVE, {
      message: 'a positive number too small to mean anything',
      params: { expected: `a number >= ${MIN_POSITIVE}` },
    })
    .describe(description);

/** A non-negative whole number with an upper sanity bound. */
export const wholeCount = (description: string, max = MAX_COUNT) =>
  z.number().int().min(0).max(max).describe(description);

/** A whole number of at least 1 with an upper sanity bound: a capacity without which the service cannot work at all. */
export const atLeastOne = (description: string, max = MAX_COUNT) =>
  z.number().int().min(1).max(max).describe(description);

/** An id referenced from elsewhere: letters, digits, `_`, `-` and `.`; starts with a letter. */
export const idString = (description: string) =>
  z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,79}$/, {
      error: 'an id of letters, digits, _ - . starting with a letter (at most 80 characters)',
    })
    .describe(description);

/** A multiplier on a rate, 0–100. */
export const multiplier = (description: string) => z.number().min(0).max(100).describe(description);
