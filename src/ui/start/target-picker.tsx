/**
 * The target picker: an AWS profile of the config and credentials files (the default marked) or the sandbox,
 * then the Region among those where HealthLake is offered (the configured one preselected; typing filters).
 * Choosing never touches the answers.
 */
import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { regionsMatching } from '../../aws/healthlake-regions.js';
import type { ProfileEntry, TargetChoice } from '../../aws/types.js';
import { Footer } from '../components/footer.js';
import { ChoiceList } from '../inputs/choice/choice-list.js';
import { useChoice } from '../inputs/choice/use-choice.js';
import { TextInput } from '../inputs/text-input/text-input.js';
import { useCommands } from '../use-commands.js';

/** Props of `TargetPicker`. */
export interface TargetPickerProps {
  /** Reads the profiles of the shared files (after the picker opens). */
  loadProfiles: () => Promise<ProfileEntry[]>;
  /** The target now. */
  current: TargetChoice;
  /** The Region in use now, when one is: preselected for the profile in use. */
  region?: string;
  /** `region`: open on the Regions for the profile in use (no Region is set); else on the profiles. */
  startAt: 'profile' | 'region';
  onChoose: (choice: TargetChoice) => void;
  onCancel: () => void;
  isActive: boolean;
}

/** A row of the first list: a profile (undefined name: the credentials as configured, no profile named) or the sandbox. */
type Place = { kind: 'profile'; entry?: ProfileEntry } | { kind: 'sandbox' };

/** Where, then which Region. */
export function TargetPicker({ loadProfiles, current, region, startAt, onChoose, onCancel, isActive }: TargetPickerProps) {
  const [profiles, setProfiles] = useState<ProfileEntry[]>();
  useEffect(() => {
    let live = true;
    void loadProfiles()
      .catch(() => [])
      .then((loaded) => live && setProfiles(loaded));
    return () => {
      live = false;
    };
  }, [loadProfiles]);
  const inUse = (entry: ProfileEntry) => (current.profile ? entry.name === current.profile : entry.chosen);
  const places: Place[] = [...(profiles?.length ? profiles.map((entry): Place => ({ kind: 'profile', entry })) : [{ kind: 'profile' } as Place]), { kind: 'sandbox' }];
  const [highlighted, setHighlighted] = useState<number>();
  const initial = current.sandbox ? places.length - 1 : Math.max(0, places.findIndex((place) => place.kind === 'profile' && place.entry !== undefined && inUse(place.entry)));
  const row = highlighted ?? initial;
  // The profile whose Region is being chosen; undefined entry: as configured.
  const [regionFor, setRegionFor] = useState<{ entry?: ProfileEntry } | undefined>(startAt === 'region' ? {} : undefined);
  const pick = (place: Place) => {
    if (place.kind === 'sandbox') onChoose({ sandbox: true });
    else setRegionFor({ ...(place.entry ? { entry: place.entry } : {}) });
  };
  const commands = useChoice({ count: places.length, highlighted: row, onHighlight: setHighlighted, onPick: (index) => pick(places[index]!), onBack: onCancel, isActive: isActive && !regionFor });
  if (regionFor) {
    // Opened on the Regions (none is set): for the profile in use, named once the profiles are read.
    const entry = regionFor.entry ?? profiles?.find(inUse);
    // Naming the profile in use again would stop AWS_PROFILE or the default from applying: keep it unnamed.
    const profile = entry === undefined || (!current.profile && entry.chosen) ? current.profile : entry.name;
    const sameProfile = entry === undefined || inUse(entry);
    const preselected = sameProfile && !current.sandbox ? (current.region ?? region ?? entry?.region) : entry?.region;
    return (
      <RegionList
        title={`Region for ${profile ? `profile ${profile}` : entry ? `profile ${entry.name}` : 'the configured credentials'}`}
        preselected={preselected}
        preselectedNote={sameProfile && !current.sandbox ? 'in use' : 'configured'}
        onPick={(code) => onChoose({ sandbox: false, ...(profile ? { profile } : {}), region: code })}
        onBack={() => setRegionFor(undefined)}
        isActive={isActive}
      />
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold>Where should the data store be created?</Text>
      {profiles === undefined ? <Text dimColor>Reading the AWS profiles…</Text> : null}
      <ChoiceList
        rows={places.map((place) => {
          if (place.kind === 'sandbox') return { label: 'Sandbox', meaning: `a local emulator: nothing is sent to AWS or billed${current.sandbox ? ' · in use' : ''}` };
          const entry = place.entry;
          if (!entry) return { label: 'Configured credentials', meaning: 'environment variables, or the instance or container role (no profile in the AWS files)' };
          const used = inUse(entry) && !current.sandbox;
          const notes = [entry.isDefault ? 'default profile' : 'profile', regionNote(entry, used ? current.region ?? region : undefined, current.region !== undefined), used ? 'in use' : ''];
          return { label: entry.name, meaning: notes.filter(Boolean).join(' · ') };
        })}
        highlighted={row}
        height={10}
      />
      <Box marginTop={1}>
        <Footer commands={commands} isActive={isActive} />
      </Box>
    </Box>
  );
}

/**
 * The Region a profile's row names: for the profile in use the Region really in use (chosen here, or as the
 * check resolved it), else the one it would use; with where it comes from when that is known.
 */
function regionNote(entry: ProfileEntry, inUse: string | undefined, chosenHere: boolean): string {
  if (inUse && chosenHere) return `Region ${inUse} chosen here`;
  const region = inUse ?? entry.region;
  if (!region) return 'no Region set';
  return `Region ${region}${region === entry.region && entry.regionFrom ? ` from ${entry.regionFrom}` : ''}`;
}

/** Props of `RegionList`. */
interface RegionListProps {
  title: string;
  /** The Region highlighted first (the configured or chosen one). */
  preselected?: string;
  /** Said beside it: `in use` or `configured`. */
  preselectedNote: string;
  onPick: (code: string) => void;
  onBack: () => void;
  isActive: boolean;
}

/** The HealthLake Regions, filtered by what is typed; ↑↓ choose, Enter picks, Esc goes back. */
function RegionList({ title, preselected, preselectedNote, onPick, onBack, isActive }: RegionListProps) {
  const [typed, setTyped] = useState('');
  const [moved, setMoved] = useState<{ for: string; to: number }>();
  const regions = regionsMatching(typed);
  const start = Math.max(0, regions.findIndex((candidate) => candidate.code === preselected));
  // Typing puts the highlight back on the preselected Region (or the first that matches).
  const row = Math.min(moved?.for === typed ? moved.to : start, Math.max(0, regions.length - 1));
  const count = regions.length;
  // Letters go to the filter (the text input): only the arrows move.
  const commands = useCommands(
    {
      arrowUp: count > 1 && (() => setMoved({ for: typed, to: (row - 1 + count) % count })),
      arrowDown: count > 1 && (() => setMoved({ for: typed, to: (row + 1) % count })),
      select: regions[row] !== undefined && (() => onPick(regions[row]!.code)),
      back: onBack,
    },
    { isActive },
  );
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      <Text>
        <Text dimColor>Type to filter: </Text>
        <TextInput value={typed} onChange={setTyped} isActive={isActive} placeholder="a code or a name, e.g. virginia" />
      </Text>
      {regions.length === 0 ? (
        <Text color="yellow">HealthLake is not offered in a Region matching “{typed}”.</Text>
      ) : (
        <ChoiceList
          rows={regions.map((candidate) => ({ label: candidate.code, meaning: `${candidate.name}${candidate.code === preselected ? ` · ${preselectedNote}` : ''}` }))}
          highlighted={row}
          height={10}
        />
      )}
      <Box marginTop={1}>
        <Footer commands={commands} isActive={isActive} />
      </Box>
    </Box>
  );
}
