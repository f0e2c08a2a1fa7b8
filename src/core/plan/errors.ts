/** Input a plan cannot be built from (an unknown data class or answer, a missing
 * organization). The message is one line, fit to show the person as it is. */
export class PlanInputError extends Error {
  override name = 'PlanInputError';
}
