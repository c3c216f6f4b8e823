/**
 * Relative changes of an inherited number: `+20`, `-3`, `+10%`, `-5%`, `*1.2` — in a file that
 * `extends` another, and in `--set`. In a file, such a value becomes a `RelativeChange` node of the
 * tree when it is read, is bound to the value it changes when its file is merged onto its base (or,
 * for a staff pool field, onto the pool's profile), and is evaluated after constants and expressions.
 * A change that finds nothing to change is an error, never a plain number.
 */
import type { SourceLocation } from './location.js';

const RELATIVE_PERCENT = /^([+-])\s*(\d+\.?\d*|\.\d+)\s*%$/;
const RELATIVE_ADD = /^([+-])\s*(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const RELATIVE_MULTIPLY = /^\*\s*([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)$/;

/** Whether a text is one of the relative forms. */
export function isRelativeForm(text: string): boolean {
  const t = text.trim();
  return RELATIVE_PERCENT.test(t) || RELATIVE_ADD.test(t) || RELATIVE_MULTIPLY.test(t);
}

/** `current` changed by a relative form, or undefined if `text` is not one. */
export function relativeChange(current: number, text: string): number | undefined {
  const t = text.trim();
  let match = RELATIVE_PERCENT.exec(t);
  if (match) return roundLikeInput(current * (1 + (Number(match[2]) / 100) * (match[1] === '-' ? -1 : 1)));
  match = RELATIVE_ADD.exec(t);
  if (match)
    return roundLikeInput(current + Number(`${match[2]}${match[3] ?? ''}`) * (match[1] === '-' ? -1 : 1));
  match = RELATIVE_MULTIPLY.exec(t);
  if (match) return roundLikeInput(current * Number(match[1]));
  return undefined;
}

/** Removes floating-point dust (1.1 * 100 = 110.00000000000001) so whole numbers stay whole. */
export function roundLikeInput(x: number): number {
  return Number.parseFloat(x.toPrecision(12));
}

/** Marks "nothing inherited yet": the change has not been bound to a value. */
export const UNBOUND: unique symbol = Symbol('unbound');

/**
 * A relative change written in a file, and (once bound) the inherited value it changes. The base is
 * a tree value of the file below (a number, a percentage or expression text, or another change).
 */
export class RelativeChange {
  constructor(
    /** The form as written, e.g. `+10%`. */
    readonly text: string,
    /** Where the form was written. */
    readonly location: SourceLocation,
    /** The inherited value it changes, or UNBOUND. */
    readonly base: unknown = UNBOUND,
    /** Where the inherited value was written, if known. */
    readonly baseLocation?: SourceLocation,
  ) {}

  get bound(): boolean {
    return this.base !== UNBOUND;
  }

  bindTo(base: unknown, baseLocation: SourceLocation | undefined): RelativeChange {
    return new RelativeChange(this.text, this.location, base, baseLocation);
  }
}
