// Public surface of the runtime's JSON-logic layer: compile rules once per flow version, check them
// for designers, list the variables they read. json-logic-js 2.0.5 is the reference dialect.
export { compileLogic, type CompiledLogic, type Logic } from './compile-logic.ts';
export { checkLogic, type LogicProblem } from './check-logic.ts';
export { logicVariables } from './logic-variables.ts';
export { supportedOperators, operatorSpecs, type OperatorSpec, type OperatorGroup } from './operators.ts';
