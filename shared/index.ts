// Public surface of shared/: the schemas and types every other layer uses.
export * from './json.ts';
export * from './json-depth.ts';
export * from './identifier.ts';
export * from './priority.ts';
export * from './problem.ts';
export * from './flow.ts';
export * from './knowledge.ts';
export * from './handoff.ts';
export * from './conversation-state.ts';
export * from './parse-flow.ts';
export * from './parse-knowledge-base.ts';
export * from './nodes/index.ts';
export * from './api/index.ts';
