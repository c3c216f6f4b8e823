/** The error the model throws on bad input or an impossible state; the message names what was wrong. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}
