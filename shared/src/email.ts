// One normalisation for e-mail addresses, so uniqueness (the `useremail-` stream) and sign-in
// agree on what "the same address" means.

/** Trimmed, Unicode-NFC, lower-case: `' Ana@UN.org '` → `'ana@un.org'`. */
export const normaliseEmail = (email: string): string =>
  email.trim().normalize('NFC').toLowerCase();
