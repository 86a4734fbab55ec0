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
  return <TextWithCursor value={props.value} cursor={cursor} isActive={props.isActive} placeholder={placeholder} />;
}

/** Props of `TextWithCursor`. */
export interface TextWithCursorProps {
  value: string;
  /** The cursor position, in code points. */
  cursor: number;
  /** The cursor is drawn only while the input has the keys. */
  isActive: boolean;
  /** Shown dimmed while the value is empty. */
  placeholder?: string | undefined;
}

/** Renders a value with its cursor (the view of any text the user edits: a text input, a picker's filter). */
export function TextWithCursor({ value, cursor, isActive, placeholder }: TextWithCursorProps) {
  const chars = [...value];
  if (chars.length === 0) {
    return (
      <Text>
        {isActive ? reverseVideo(' ') : null}
        <Text dimColor>{placeholder ?? ''}</Text>
      </Text>
    );
  }
  return (
    <Text>
      {chars.slice(0, cursor).join('')}
      {isActive ? reverseVideo(chars[cursor] ?? ' ') : chars[cursor] ?? ''}
      {chars.slice(cursor + 1).join('')}
    </Text>
  );
}
