// React Query keys for replay reports.
export const replayKeys = {
  attached: (versionId: string) => ['replays.attached', versionId] as const,
};
