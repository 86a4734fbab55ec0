/** The data store's status as a coloured badge. */
import { Text } from 'ink';
import type { DatastoreStatus } from '../../aws/types.js';
import { statusColor } from '../theme.js';

/** Props of `StatusBadge`. */
export interface StatusBadgeProps {
  status?: DatastoreStatus;
}

/** ` CREATING `, ` ACTIVE `, ... */
export function StatusBadge({ status }: StatusBadgeProps) {
  return (
    <Text backgroundColor={statusColor(status)} color="black" bold>
      {` ${status ?? 'SUBMITTED'} `}
    </Text>
  );
}
