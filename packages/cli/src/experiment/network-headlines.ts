/** The outcomes judged on a textbook network: time in the network, and each station's queueing wait. */
import { NETWORK_METRICS } from '@carepool/network';
import type { BuiltArms } from './arms.js';
import type { Headline } from './table.js';

const UNITS: Record<string, string> = {
  hours: 'hours',
  share: 'share',
  'per hour': 'perHour',
  customers: 'count',
};

export function networkHeadlines(built: BuiltArms): Headline[] {
  const unit = (id: string) => UNITS[NETWORK_METRICS.find((m) => m.id === id)?.unit ?? ''] ?? 'count';
  const base = built.scenarios[0].loaded;
  const stations = base.kind === 'network' ? base.config.stations.map((s) => s.id) : [];
  return [
    {
      metric: 'network.timeInSystemHours',
      statistic: 'mean',
      scope: 'network',
      label: 'Time in network',
      unit: unit('network.timeInSystemHours'),
    },
    ...stations.map((id) => ({
      metric: 'station.waitInQueueHours',
      statistic: 'mean',
      scope: id,
      label: `Wait in queue at ${id}`,
      unit: unit('station.waitInQueueHours'),
    })),
  ];
}
