import type { LoadedScenario } from '@carepool/scenario';

/** One line describing a loaded scenario: kind, name, size, periods and the first characters of its hash. */
export function scenarioSummary(loaded: LoadedScenario): string {
  const hash = loaded.hash.slice(0, 12);
  if (loaded.kind === 'network') {
    const c = loaded.config;
    return (
      `network '${c.name}': ${c.stations.length} station${c.stations.length === 1 ? '' : 's'}, ` +
      `${c.arrivals.length} arrival stream${c.arrivals.length === 1 ? '' : 's'}, ` +
      `${c.durationHours} h reported after ${c.warmupHours} h warm-up (hash ${hash})`
    );
  }
  const c = loaded.config;
  const sweep = loaded.sweep ? `, sweep over ${loaded.sweep.parameters.map((p) => p.path).join(' × ')}` : '';
  return (
    `system '${c.name}': ${c.organisations.length} organisations, policy ${c.workforce.policy}, ` +
    `${c.durationDays} days from ${c.startDate} after ${c.warmupDays} days warm-up${sweep} (hash ${hash})`
  );
}
