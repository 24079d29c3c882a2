import {memo} from 'react';
import {Box, Text} from 'ink';
import {truncate} from '../../model/format.js';
import {useTheme} from '../theme.js';

/** `threadlab · scene · title` on the left, what runs it (`real threads`, `simulated · seed 42`) on the right. */
export const Header = memo(function Header({
	scene,
	title,
	label,
	lesson,
	width,
}: {
	scene: string;
	title: string;
	label: string;
	lesson: string;
	width: number;
}) {
	const theme = useTheme();
	const dot = ` ${theme.glyphs.dot} `;
	// The title comes first: the label shortens to its first part (`real threads`),
	// then goes, before the title would be cut. Where even the title alone cannot
	// fit, the program and the scene are kept whole instead.
	const labels = [label, label.split(' · ')[0] ?? '', ''].map((text) => theme.text(text));
	const fits = (needed: number) => labels.find((text) => width - text.length - (text ? 1 : 0) >= needed);
	const shown = fits(`threadlab${dot}${scene}${dot}${title}`.length) ?? fits(`threadlab${dot}${scene}`.length) ?? '';
	const left = truncate(
		`threadlab${dot}${scene}${dot}${title}`,
		Math.max(0, width - shown.length - (shown ? 1 : 0)),
		theme.glyphs.ellipsis,
	);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate">
				<Text bold color={theme.accent}>
					{left}
				</Text>
				{' '.repeat(Math.max(1, width - left.length - shown.length))}
				<Text color={theme.muted}>{shown}</Text>
			</Text>
			<Text wrap="truncate" color={theme.muted}>
				{truncate(theme.text(lesson), width, theme.glyphs.ellipsis)}
			</Text>
		</Box>
	);
});
