// Command routes answer with the id they created and the log position of the change, which the
// client can use to tell its own write apart in the live updates that follow.
export const created = <K extends string>(id: Record<K, string>, position: bigint | undefined) => ({
  status: 201,
  body: { ...id, position: position?.toString() },
});

export const done = (position: bigint | undefined) => ({
  status: 200,
  body: { position: position?.toString() },
});
