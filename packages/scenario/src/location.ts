/**
 * Where a value of a scenario came from (a file, and a line and column in it where known): carried by
 * every tree value, relative change and error so a message can point at what the planner wrote.
 */

/** Where in which file a value came from. `line` and `column` are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** A location as one string, to compare locations. */
export const locationKey = (l: SourceLocation): string => `${l.file}:${l.line ?? ''}:${l.column ?? ''}`;
