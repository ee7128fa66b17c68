// A failed request's sentence under the form or panel that made it, announced to screen readers.
import { describeFailure } from '../api/api-failure.ts';

/** Renders nothing while `error` is null or undefined. */
export function FailureText({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p className="form-error" role="alert">
      {describeFailure(error)}
    </p>
  );
}
