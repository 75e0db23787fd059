import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { CASEFILE_DOCUMENT_TYPES } from '../../../../shared/document-types.js';

/**
 * The kinds of document the screens offer (one list for reception, the file and retention), and
 * their labels. A type without a label of its own (a unit's `work_contract`) shows as it is stored.
 */
export function useDocumentTypeLabel(): (type: string) => string {
  const intl = useIntl();
  return useCallback((type: string) => intl.formatMessage({ id: `casefile.documents.type.${type}`, defaultMessage: type }), [intl]);
}

export function useDocumentTypeOptions(): { value: string; label: string }[] {
  const label = useDocumentTypeLabel();
  return CASEFILE_DOCUMENT_TYPES.map((value) => ({ value, label: label(value) }));
}
