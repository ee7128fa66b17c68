// The server reads time through this port so tests can move it (session expiry, rate windows).

export interface Clock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };
