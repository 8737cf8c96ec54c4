/** `ir-lint/testing`: test a rule with valid and invalid cases (see rule-tester.ts). */
export { RuleTester, runRule, checkValid, checkInvalid, DEFAULT_TEST_NOW } from './rule-tester.js';
export type { ValidCase, InvalidCase, ExpectedDiagnostic, RuleCases } from './rule-tester.js';
