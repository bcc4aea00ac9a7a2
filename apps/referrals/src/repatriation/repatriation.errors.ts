import { RepatriationRuleError } from '@passage/schemas';
import { CodedError } from '@passage/shared';

/**
 * Runs a repatriation rule and turns its refusal into this context's coded error: a CONFLICT with the
 * rule's reason, so a client can tell "approve after the risk assessment" from "not safe to return".
 */
export function checkRule(rule: () => void, field?: string): void {
  try {
    rule();
  } catch (error) {
    if (error instanceof RepatriationRuleError) {
      throw new CodedError('CONFLICT', field ? `${field}: ${error.message}` : error.message, {
        reason: error.reason,
        ...(field ? { field } : {}),
      });
    }
    throw error;
  }
}
