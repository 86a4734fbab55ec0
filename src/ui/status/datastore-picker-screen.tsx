/**
 * `status` without an id: a picker over the target Region's data stores and the local history (marked `*`),
 * filterable by typing. The list fills in as it loads; picking one hands it to the status panel.
 */
import { Box, Text } from 'ink';
import type { TargetReport } from '../../aws/types.js';
import type { WizardStore } from '../../store/types.js';
import { Footer } from '../components/footer.js';
import { Header } from '../components/header.js';
import type { Connection } from '../effects/app-deps.js';
import { datastoreItems, HISTORY_MARK, targetName, type DatastoreChoice } from '../effects/datastore-choices.js';
import { useDatastoreChoices, type DatastoreChoicesState } from '../effects/use-datastore-choices.js';
import { Picker } from '../inputs/picker/picker.js';
import { usePicker } from '../inputs/picker/use-picker.js';
import { filterItems, usePickerState } from '../inputs/picker/use-picker-state.js';
import { ACCENT } from '../theme.js';

/** Props of `DatastorePickerScreen`. */
export interface DatastorePickerScreenProps {
  store: Promise<WizardStore | undefined>;
  /** The connection to the target (loads the SDK when first called). */
  connection: () => Promise<Connection>;
  /** The target's check; undefined while it runs. */
  target?: TargetReport;
  sandbox: boolean;
  onPick: (choice: DatastoreChoice) => void;
  /** Esc with an empty filter. */
  onBack: () => void;
  isActive: boolean;
}

function listingNote({ history, listed, listing }: DatastoreChoicesState, where: string, sandbox: boolean): string | undefined {
  if (listing === 'loading') return `Listing the data stores of ${where}…`;
  if (typeof listing === 'object') return `The data stores of ${where} could not be listed: ${listing.error.message} ${listing.error.fix} The local history is shown.`;
  if (listing === 'more') return `Only the first ${listed.length} data stores of ${where} are listed; type to filter, or run healthlake-wizard status DATASTORE_ID.`;
  if (listed.length === 0 && history.length === 0) {
    return `No data stores in ${where}, and none in the local history. ${sandbox ? 'Create one with healthlake-wizard --sandbox.' : 'Create one with healthlake-wizard, or pick another Region with --region.'}`;
  }
  return undefined;
}

/** The picker screen. */
export function DatastorePickerScreen({ store, connection, target, sandbox, onPick, onBack, isActive }: DatastorePickerScreenProps) {
  const choices = useDatastoreChoices(store, connection);
  const items = datastoreItems(choices.listed, choices.history);
  const [state, dispatch] = usePickerState();
  const matching = filterItems(items, state.filter.value);
  const commands = usePicker({ state, dispatch, count: matching.length, onPick: (index) => onPick(matching[index]!.value), onBack, isActive });
  return (
    <Box flexDirection="column">
      <Header target={target} sandbox={sandbox} />
      <Box marginTop={1} flexDirection="column">
        <Text bold color={ACCENT}>
          Which data store?
        </Text>
        <Text>
          The status of the one you choose is followed live. {HISTORY_MARK} marks those created with healthlake-wizard (the local history).
        </Text>
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Picker state={state} matching={matching} total={items.length} note={listingNote(choices, targetName(target), sandbox)} height={10} isActive={isActive} />
      </Box>
      <Box marginTop={1}>
        <Footer commands={commands} isActive={isActive} />
      </Box>
    </Box>
  );
}
