import {memo} from 'react';
import {Text} from 'ink';
import {useTheme} from '../theme.js';

export interface KeyHint {
	keys: string;
	action: string;
	/** The footer's word when the line is short of room (`rerun` for `run again`). */
	short?: string;
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

/**
 * The keys, on one line: `r run again · ? help · q quit`. Where they do not fit
 * `width`, the long actions take their short word (`w walk`): every key stays
 * on screen at 80 columns, and `?` says the rest.
 */
type FooterProps = {hints: readonly KeyHint[]; width?: number};

/** The keys are worked out anew at every redraw: the footer redraws only when they differ. */
const sameFooter = (a: FooterProps, b: FooterProps) =>
	a.width === b.width &&
	a.hints.length === b.hints.length &&
	a.hints.every((hint, i) => {
		const other = b.hints[i]!;
		return hint.keys === other.keys && hint.action === other.action && hint.short === other.short;
	});

export const Footer = memo(function Footer({hints, width}: FooterProps) {
	const theme = useTheme();
	const length = (list: readonly KeyHint[]) =>
		list.reduce((sum, hint, index) => sum + (index > 0 ? 3 : 0) + hint.keys.length + 1 + hint.action.length, 0);
	const short = hints.map((hint) => (hint.short ? {...hint, action: hint.short} : hint));
	const shown = width === undefined || length(hints) <= width ? hints : short;
	return (
		<Text wrap="truncate">
			{shown.map((hint, index) => (
				<Text key={hint.keys}>
					{index > 0 ? <Text color={theme.muted}> {theme.glyphs.dot} </Text> : null}
					<Text bold>{theme.text(hint.keys)}</Text> <Text color={theme.muted}>{theme.text(hint.action)}</Text>
				</Text>
			))}
		</Text>
	);
}, sameFooter);
