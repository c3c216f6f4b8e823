/** The error a network run throws on bad input or a run that cannot end; the message names what was wrong. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}
