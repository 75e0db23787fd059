import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { roleAllows, type Action } from '../../../../shared/access.js';
import { useSession } from '../../../app/session.js';
import { useUnit } from '../network/network-api.js';

/** The units the signed-in staff member works in (unit grants allowing the action). */
export function useMyUnits(action: Extract<Action, `casefile.${string}`>): string[] {
  const { me } = useSession();
  return [...new Set((me?.grants ?? []).filter((g) => g.scopeType === 'unit' && roleAllows(g.role, action)).map((g) => g.scopeId))];
}

export function UnitName({ id }: { id: string }) {
  const unit = useUnit(id);
  return <>{unit.data?.name ?? '…'}</>;
}

/** Marks what only break-glass opened: the viewer should know it is being recorded for the auditor. */
export function BreakGlassBadge({ shown }: { shown: boolean }) {
  return shown ? (
    <Badge color="red.9" variant="filled">
      <FormattedMessage id="casefile.breakGlass.badge" />
    </Badge>
  ) : null;
}

export function formatDateTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
