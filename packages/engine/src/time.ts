/**
 * carepool measures all simulated time in **minutes**. This is the one place that says so:
 * every instant (`...At`) and span (`...Minutes`) inside the engine is a number of minutes, and
 * the helpers below are the only sanctioned conversions from hours, days and weeks.
 */
export const TIME_UNIT = 'minute' as const;

export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** A simulated year is 365 days: calendars with leap years are a scenario concern, not the kernel's. */
export const MINUTES_PER_YEAR = 365 * MINUTES_PER_DAY;

export const minutesFromHours = (hours: number): number => hours * MINUTES_PER_HOUR;
export const minutesFromDays = (days: number): number => days * MINUTES_PER_DAY;
export const minutesFromWeeks = (weeks: number): number => weeks * MINUTES_PER_WEEK;
export const hoursFromMinutes = (minutes: number): number => minutes / MINUTES_PER_HOUR;
export const daysFromMinutes = (minutes: number): number => minutes / MINUTES_PER_DAY;
