// Lists the data paths a rule reads, so flow validation can tell a designer about a rule that reads
// a variable nobody declares or sets (the usual typo: "amount" instead of "vars.amount").
import { argumentList, operatorSpec } from './operators.ts';

/**
 * The distinct `var` paths `rule` (any value) reads from its data, in first-use order, as written
 * ("vars.amount"; a number path 1 becomes "1"). Also the names `missing` and `missing_some` check.
 * Not included: the whole-data forms (`{"var": ""}`), paths computed by logic (their inner `var`s are
 * included), anything inside plain-data objects (several keys), and paths read by per-item logic —
 * the second argument of map/filter/all/some/none/reduce reads the item (or `current`/`accumulator`),
 * not the rule's data.
 */
export function logicVariables(rule: unknown): string[] {
  const found = new Set<string>();
  collect(rule, found);
  return [...found];
}

function collect(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const keys = Object.keys(node);
  if (keys.length !== 1) return; // plain data: json-logic-js never evaluates inside it
  const op = keys[0]!;
  const args = argumentList((node as Record<string, unknown>)[op]);
  const addName = (name: unknown) => {
    if ((typeof name === 'string' && name !== '') || typeof name === 'number') found.add(String(name));
    else collect(name, found);
  };
  switch (op) {
    case 'var':
      addName(args[0]);
      args.slice(1).forEach((arg) => collect(arg, found));
      return;
    case 'missing':
      if (Array.isArray(args[0])) {
        args[0].forEach(addName);
        args.slice(1).forEach((arg) => collect(arg, found)); // evaluated, though unused
      } else args.forEach(addName);
      return;
    case 'missing_some':
      collect(args[0], found);
      if (Array.isArray(args[1])) args[1].forEach(addName);
      else collect(args[1], found);
      return;
    default: {
      const perItem = operatorSpec(op)?.perItemArg;
      args.forEach((arg, i) => {
        if (i !== perItem) collect(arg, found);
      });
    }
  }
}
