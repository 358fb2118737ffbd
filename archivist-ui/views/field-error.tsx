/** A form field's error shown under it, and the ids that describe a field (error first, then hints). */

/** aria-describedby of a field: the ids given, in order, or none. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const kept = ids.filter((id): id is string => typeof id === 'string');
  return kept.length > 0 ? kept.join(' ') : undefined;
}

export function FieldError(props: { id: string; message?: string | undefined }) {
  return props.message ? (
    <p class="field-error" id={props.id}>
      {props.message}
    </p>
  ) : null;
}
