/** A measured process that has not finished by then has hung: the run stops and says which, rather than waiting for ever. */
export const CHILD_TIMEOUT_MS = 300_000;
