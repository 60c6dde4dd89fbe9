// The running version, reported by /healthz.
export const version = '0.1.0';
