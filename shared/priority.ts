// Handoff priorities, lowest first: the order decides which matched rule wins and how inboxes sort.
export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorities)[number];

export function priorityRank(priority: Priority): number {
  return priorities.indexOf(priority);
}
