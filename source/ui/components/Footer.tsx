import {memo} from 'react';
import {Text} from 'ink';
import {useTheme} from '../theme.js';

export interface KeyHint {
	keys: string;
	action: string;
}

/** What every full screen takes besides its content: its size, its keys, its label. */
export interface ChromeProps {
	width: number;
	/** Lines available; a screen keeps one spare so Ink never has to clear the terminal. */
	height: number;
	/** The footer's keys; none when there is no keyboard. */
	keys: readonly KeyHint[];
	/** Every key with a longer description, for `?`. */
	helpKeys: readonly KeyHint[];
	help: boolean;
	/** What runs it: `real threads · 5 workers · 90 MB`, `simulated · seed 42`. */
	label: string;
	/** Race workers show the value they last read (simulated runs). */
	registers?: boolean;
}

/** The keys, on one line: `r run again · ? help · q quit`. */
export const Footer = memo(function Footer({hints}: {hints: readonly KeyHint[]}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate">
			{hints.map((hint, index) => (
				<Text key={hint.keys}>
					{index > 0 ? <Text color={theme.muted}> {theme.glyphs.dot} </Text> : null}
					<Text bold>{theme.text(hint.keys)}</Text> <Text color={theme.muted}>{theme.text(hint.action)}</Text>
				</Text>
			))}
		</Text>
	);
});
