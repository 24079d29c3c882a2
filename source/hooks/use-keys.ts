import {useInput, useStdin} from 'ink';

export type KeyName = 'left' | 'right' | 'escape' | 'ctrl+c' | (string & {});

/**
 * Keys by name, one call per key. Keys typed faster than a frame arrive
 * together (`nnn`): each counts. Inactive without a keyboard (stdin not a
 * TTY), where raw mode is not supported.
 */
export function useKeys(onKey: (key: KeyName) => void): boolean {
	const {isRawModeSupported} = useStdin();
	useInput(
		(input, key) => {
			if (key.ctrl && input === 'c') onKey('ctrl+c');
			else if (key.escape) onKey('escape');
			else if (key.leftArrow) onKey('left');
			else if (key.rightArrow) onKey('right');
			else for (const character of input) onKey(character);
		},
		{isActive: isRawModeSupported},
	);
	return isRawModeSupported;
}
