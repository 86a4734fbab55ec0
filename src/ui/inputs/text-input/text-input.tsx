/** A one-line text input: the value with a reverse-video cursor (visible with NO_COLOR too), and a placeholder when empty. */
import { Text } from 'ink';
import { reverseVideo } from '../../theme.js';
import { useTextInput, type UseTextInputProps } from './use-text-input.js';

/** Props of `TextInput`. */
export interface TextInputProps extends UseTextInputProps {
  /** Shown dimmed while the value is empty. */
  placeholder?: string;
}

/** A controlled text input. */
export function TextInput({ placeholder, ...props }: TextInputProps) {
  const cursor = useTextInput(props);
  const chars = [...props.value];
  if (chars.length === 0) {
    return (
      <Text>
        {props.isActive ? reverseVideo(' ') : null}
        <Text dimColor>{placeholder ?? ''}</Text>
      </Text>
    );
  }
  return (
    <Text>
      {chars.slice(0, cursor).join('')}
      {props.isActive ? reverseVideo(chars[cursor] ?? ' ') : chars[cursor] ?? ''}
      {chars.slice(cursor + 1).join('')}
    </Text>
  );
}
