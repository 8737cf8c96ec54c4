/**
 * The per-rule time budget (--rule-timeout) on the main thread. A rule that
 * loops forever cannot be interrupted from the thread it runs on by a timer;
 * V8 can, from its watchdog thread: a `vm` script run with `timeout` ends
 * whatever JavaScript it called when the time is up, including a function of
 * this realm. Each plugin rule's `check` is called from such a script (about
 * 50 microseconds a call); built-in rules are called directly. A stopped rule
 * is off for the rest of the run, as in the worker threads (src/cli/pool.ts).
 */
import { RuleStoppedError, type LintOptions } from '../engine/index.js';
import { vm } from '../lazy.js';

export interface RuleBudget {
  runRule: NonNullable<LintOptions['runRule']>;
  /** Rules stopped so far: not run again in this run. */
  skipRules: Set<string>;
}

export function ruleBudget(ms: number, guarded: (ruleId: string) => boolean): RuleBudget {
  const { createContext, Script } = vm();
  const sandbox: { call?: () => unknown } = {};
  const context = createContext(sandbox);
  const script = new Script('call()', { filename: 'ir-lint-rule-budget' });
  const skipRules = new Set<string>();
  const runRule = (ruleId: string, check: () => unknown): unknown => {
    if (!guarded(ruleId)) return check();
    sandbox.call = check;
    try {
      return script.runInContext(context, { timeout: ms });
    } catch (error) {
      if ((error as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        skipRules.add(ruleId);
        throw new RuleStoppedError(ms);
      }
      throw error;
    } finally {
      sandbox.call = undefined;
    }
  };
  return { runRule, skipRules };
}
