// Upper bounds shared by the config schema and the command line (kept free of zod so the CLI can start fast).

/** The largest build capacity or image weight: more engine units than any host runs builds at once. */
export const MAX_CAPACITY = 256;
