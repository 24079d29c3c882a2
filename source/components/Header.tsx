import React, {memo} from 'react';
import {Box, Text} from 'ink';
import {truncate} from '../model/format.js';
import {useTheme} from './theme.js';

/** `threadlab · scene · title` on the left, what runs it (`real threads`, `simulated · seed 42`) on the right. */
export const Header = memo(function Header({scene, title, label, lesson, width}: {scene: string; title: string; label: string; lesson: string; width: number}) {
	const theme = useTheme();
	const dot = ` ${theme.glyphs.dot} `;
	lesson = theme.text(lesson);
	const left = truncate(`threadlab${dot}${scene}${dot}${title}`, Math.max(0, width - label.length - 1), theme.glyphs.ellipsis);
	return (
		<Box flexDirection="column">
			<Text wrap="truncate">
				<Text bold color={theme.accent}>
					{left}
				</Text>
				{' '.repeat(Math.max(1, width - left.length - label.length))}
				<Text color={theme.muted}>{label}</Text>
			</Text>
			<Text wrap="truncate" color={theme.muted}>
				{truncate(lesson, width, theme.glyphs.ellipsis)}
			</Text>
		</Box>
	);
});
