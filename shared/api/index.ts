// The studio API's wire shapes: one zod schema per input and output, shared by server and editor.
export * from './roles.ts';
export * from './common.ts';
export * from './auth.ts';
export * from './flows.ts';
export * from './versions.ts';
export * from './flow-diff.ts';
export * from './reviews.ts';
export * from './deployments.ts';
export * from './sites.ts';
export * from './audit.ts';
export * from './site.ts';
export * from './site-settings.ts';
export * from './inbox.ts';
export * from './replays.ts';
export * from './knowledge.ts';
export * from './suggestions.ts';
