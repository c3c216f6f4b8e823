/** The measures a textbook-network run reports, each with its unit, direction and definition. */
/** One network metric: its id, unit, which way is better, and exactly what it measures. */
export interface NetworkMetricDefinition {
  id: string;
  unit: 'hours' | 'share' | 'per hour' | 'customers';
  direction: 'higherIsBetter' | 'lowerIsBetter' | 'neutral';
  definition: string;
}

// The same row shape as the care model's MetricRow, declared here because this package depends on
// the engine only (never on the model), and its ids are the network's own (NETWORK_METRICS), not the
// model's typed MetricId; the CLI's careModel turns both into the runner's MetricValue.
/** One tidy result row of a network run: metric id, scope (a station, `<station>:class<k>`, `network`…), value. */
export interface NetworkMetricRow {
  metricId: string;
  scope: string;
  /** Every network measure is a mean over the reporting period. */
  statistic: 'mean';
  value: number;
}

/** The metric ids a network run reports (all with statistic `mean`). */
export const NETWORK_METRICS: readonly NetworkMetricDefinition[] = [
  {
    id: 'station.waitInQueueHours',
    unit: 'hours',
    direction: 'lowerIsBetter',
    definition:
      'Mean time a customer spends queued at the station, not in service and not blocked (interruptions by preemption included).',
  },
  {
    id: 'station.waitProbabilityShare',
    unit: 'share',
    direction: 'lowerIsBetter',
    definition: 'Share of admitted customers who could not start service at once.',
  },
  {
    id: 'station.blockingShare',
    unit: 'share',
    direction: 'lowerIsBetter',
    definition:
      'Share of arrivals that found the station full (lost, or held upstream when blocking after service).',
  },
  {
    id: 'station.utilisationShare',
    unit: 'share',
    direction: 'neutral',
    definition:
      'Time-average share of servers occupied (serving, or holding a customer blocked after service).',
  },
  {
    id: 'station.timeInSystemHours',
    unit: 'hours',
    direction: 'lowerIsBetter',
    definition: 'Mean time from admission to leaving the station, per visit.',
  },
  {
    id: 'station.throughputPerHour',
    unit: 'per hour',
    direction: 'higherIsBetter',
    definition: 'Customers leaving the station per hour.',
  },
  {
    id: 'station.queuedCount',
    unit: 'customers',
    direction: 'lowerIsBetter',
    definition: 'Time-average number queued at the station.',
  },
  {
    id: 'station.inStationCount',
    unit: 'customers',
    direction: 'lowerIsBetter',
    definition: 'Time-average number at the station: queued, in service or blocked.',
  },
  {
    id: 'network.timeInSystemHours',
    unit: 'hours',
    direction: 'lowerIsBetter',
    definition: 'Mean time from arriving in the network to leaving it, for customers not lost.',
  },
  {
    id: 'network.throughputPerHour',
    unit: 'per hour',
    direction: 'higherIsBetter',
    definition: 'Customers completing their route through the network per hour.',
  },
  {
    id: 'network.lossShare',
    unit: 'share',
    direction: 'lowerIsBetter',
    definition: 'Share of customers arriving in the network who were lost at a full station.',
  },
];
