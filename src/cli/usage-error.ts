/** A mistake in how the command was called: exit code 2 with the message and no stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
