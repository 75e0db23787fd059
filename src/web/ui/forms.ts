import { notifications } from '@mantine/notifications';
import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';
import { ApiError, type ApiFieldError } from '../app/api.js';

interface FormWithErrors {
  setFieldError(path: string, error: string): void;
}

/**
 * Puts the server's field errors on the form's fields. Paths come as "body.address.city" or
 * "body.hours.2.opens"; Mantine names fields "address.city" and "hours.2.opens".
 * Returns false when the error had no field to show it on.
 */
export function applyApiFieldErrors(form: FormWithErrors, error: unknown, intl: IntlShape): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  for (const field of error.fields) {
    form.setFieldError(field.path.replace(/^(body|query|params)\./, ''), fieldErrorText(intl, field));
  }
  return true;
}

/**
 * A field's error in the reader's language when the server named the rule it broke; the server's
 * own words (English) only for rules particular to one form.
 */
export function fieldErrorText(intl: IntlShape, field: ApiFieldError): string {
  if (!field.rule) return field.message;
  const id = `error.field.${field.rule}`;
  return field.limit === undefined && ['too_short', 'too_long', 'too_small', 'too_big', 'too_few', 'too_many'].includes(field.rule)
    ? intl.formatMessage({ id: 'error.field.invalid' })
    : intl.formatMessage({ id }, { limit: field.limit ?? 0 });
}

/** A sentence for the person at the screen, in their language. */
export function describeError(intl: IntlShape, error: unknown): string {
  if (!(error instanceof ApiError)) return intl.formatMessage({ id: 'error.unexpected' });
  switch (error.code) {
    case 'network':
      return intl.formatMessage({ id: 'error.network' });
    case 'validation_failed':
      return intl.formatMessage({ id: 'error.validation' });
    case 'forbidden':
      return intl.formatMessage({ id: 'error.forbidden' });
    case 'not_found':
      return intl.formatMessage({ id: 'error.notFound' });
    case 'conflict':
    case 'already_exists':
      return intl.formatMessage({ id: 'error.conflict' });
    case 'unauthenticated':
      return intl.formatMessage({ id: 'error.unauthenticated' });
    case 'rate_limited':
      return intl.formatMessage({ id: 'error.rateLimited' });
    default:
      return intl.formatMessage({ id: 'error.unexpected' });
  }
}

/** A mutation that tells the person what went wrong (and leaves field errors to the form). */
export function useApiMutation<TData, TVariables>(
  options: UseMutationOptions<TData, Error, TVariables> & { form?: FormWithErrors; successMessageId?: string },
): UseMutationResult<TData, Error, TVariables> {
  const intl = useIntl();
  const { form, successMessageId, ...rest } = options;
  // The toast's close button needs a name to be read out (axe: button-name); "dismiss", so it is never
  // taken for the Close button of the dialog or page underneath.
  const closeButtonProps = { 'aria-label': intl.formatMessage({ id: 'common.dismiss' }) };
  return useMutation({
    ...rest,
    onSuccess: (...args) => {
      if (successMessageId) notifications.show({ color: 'green', message: intl.formatMessage({ id: successMessageId }), closeButtonProps });
      return rest.onSuccess?.(...args);
    },
    onError: (error, ...args) => {
      const shownOnFields = form ? applyApiFieldErrors(form, error, intl) : false;
      notifications.show({ color: 'red', message: shownOnFields ? intl.formatMessage({ id: 'error.validation' }) : describeError(intl, error), closeButtonProps });
      return rest.onError?.(error, ...args);
    },
  });
}
