// The top-level names every JSON-logic rule and message template can read (DESIGN.md "rule context").
export const ruleContextRoots = ['message', 'nlu', 'vars', 'customer', 'conversation', 'kb'] as const;
export type RuleContextRoot = (typeof ruleContextRoots)[number];
