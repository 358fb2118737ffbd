/**
 * The purpose-of-use fields (käyttötarkoitus and its details): one implementation for the search form and
 * the purpose form. The wrong field is marked invalid, described by its message (shown under it) and
 * focused; "Other" without details marks the details field too, described by the same message.
 */
import { ACCESS_REASONS } from '../../server/archivist/view-models.js';
import type { PageContext } from './context.js';
import { describedBy, FieldError } from './field-error.js';

export interface PurposeFieldsProps {
  readonly ctx: PageContext;
  readonly reason?: string;
  readonly reasonText?: string;
  /** The wrong field and what to tell about it. */
  readonly problem?: { readonly field: 'reason' | 'reasonText'; readonly message: string };
  /** Says that the preselected reason is a suggestion still to be confirmed. */
  readonly suggestion?: string;
  readonly required?: boolean;
}

export function PurposeFields(props: PurposeFieldsProps) {
  const { t } = props.ctx;
  const reasonError = props.problem?.field === 'reason' ? props.problem.message : undefined;
  const textError = props.problem?.field === 'reasonText' ? props.problem.message : undefined;
  // "Other" needs its details: a reason error then concerns the details field too.
  const textInvalid = textError !== undefined || (reasonError !== undefined && props.reason === 'other');
  return (
    <>
      <div class="field">
        <label for="reason">{t.reason}</label>
        <select
          id="reason"
          name="reason"
          required={props.required}
          aria-describedby={describedBy(
            reasonError && 'reason-error',
            props.suggestion && 'reason-suggested',
            'reason-hint',
          )}
          aria-invalid={reasonError ? 'true' : undefined}
          autofocus={reasonError !== undefined}
        >
          <option value="">–</option>
          {ACCESS_REASONS.map((r) => (
            <option value={r} selected={props.reason === r}>
              {t.reasons[r]}
            </option>
          ))}
        </select>
        <FieldError id="reason-error" message={reasonError} />
        {props.suggestion && (
          <p id="reason-suggested" class="hint">
            {props.suggestion}
          </p>
        )}
        <p id="reason-hint" class="hint">
          {t.reasonHint}
        </p>
      </div>
      <div class="field">
        <label for="reasonText">{t.reasonText}</label>
        <input
          id="reasonText"
          name="reasonText"
          value={props.reasonText ?? ''}
          maxLength={200}
          aria-describedby={describedBy(textError ? 'reasonText-error' : textInvalid && 'reason-error')}
          aria-invalid={textInvalid ? 'true' : undefined}
          autofocus={textError !== undefined}
        />
        <FieldError id="reasonText-error" message={textError} />
      </div>
    </>
  );
}
