// The seed of the hostile suite: fixed so CI runs are reproducible; ACCORD_HOSTILE_SEED picks
// another one (a failure report prints the seed it ran with, so it can be replayed).
const DEFAULT_SEED = 20_261_204;

export function seedOf(): number {
  const raw = process.env.ACCORD_HOSTILE_SEED;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed))
    throw new Error(`ACCORD_HOSTILE_SEED must be an integer: ${raw}`);
  return seed;
}
