/**
 * @carepool/network: textbook queueing networks on the engine's `Resource`, run from `kind: network`
 * scenario files to validate the engine against queueing theory (the theory is the engine's).
 */
export type {
  NetworkArrivalConfig,
  NetworkConfig,
  NetworkRoutingConfig,
  NetworkStationConfig,
} from './config.js';
export { NetworkError } from './errors.js';
export type { NetworkMetricDefinition, NetworkMetricRow } from './metrics.js';
export { NETWORK_METRICS } from './metrics.js';
export type { NetworkRunOptions, NetworkRunResult } from './run.js';
export { runNetwork } from './run.js';
export { stationOfferedLoads } from './theory.js';
