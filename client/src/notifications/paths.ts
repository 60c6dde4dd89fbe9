// The notification pages' addresses (beside app/paths.ts, which the shell's links use).
export const notificationPaths = {
  inbox: () => '/notifications',
  preferences: () => '/notifications/preferences',
};
