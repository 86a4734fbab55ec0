/** The explicit confirmation before creating: what will be created and that it is billed per hour. */
import { Box, Text} from 'ink';
import type { CreateRequest } from '../../request/types.js';
import { Footer } from '../components/footer.js';
import { matches } from '../keys.js';
import { useKeys } from '../use-keys.js';

/** Props of `ConfirmSubmitDialog`. */
export interface ConfirmSubmitDialogProps {
  request: CreateRequest;
  sandbox: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  isActive: boolean;
}

/** y creates, n or Esc goes back to review. */
export function ConfirmSubmitDialog({ request, sandbox, onConfirm, onCancel, isActive }: ConfirmSubmitDialogProps) {
  useKeys(
    (input, key) => {
      if (matches('confirm', input, key)) onConfirm();
      else if (matches('cancel', input, key)) onCancel();
    },
    { isActive },
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="yellow" paddingX={1}>
      <Text bold>Create the data store{request.DatastoreName ? ` "${request.DatastoreName}"` : ''}?</Text>
      <Text>
        A HealthLake data store is billed per hour from the moment it is created until it is deleted.
        {sandbox ? ' (In the sandbox nothing is billed: it runs on this machine.)' : ''}
      </Text>
      <Text dimColor>Encryption and sample data cannot be changed after creation.</Text>
      <Footer commands={['confirm', 'cancel']} />
    </Box>
  );
}
