import {memo} from 'react';
import {Box, Text} from 'ink';
import {truncate} from '../../model/format.js';
import type {KeyHint} from './Footer.js';
import {useTheme} from '../theme.js';

/** `?`: every key, then the notebook's Python cell this scene runs. */
export const Help = memo(function Help({
	keys,
	code,
	height,
	width,
}: {
	keys: readonly KeyHint[];
	code: readonly string[];
	height: number;
	width: number;
}) {
	const theme = useTheme();
	const lines = [
		...keys.map((key) => ({text: theme.text(`${key.keys.padEnd(14)}${key.action}`), code: false})),
		{text: '', code: false},
		{text: 'The notebook cell:', code: false},
		...code.map((line) => ({text: `  ${line}`, code: true})),
	].slice(0, Math.max(0, height));
	return (
		<Box flexDirection="column">
			{lines.map((line, index) => (
				<Text key={index} wrap="truncate" color={line.code ? theme.accent : undefined}>
					{truncate(line.text, width, theme.glyphs.ellipsis) || ' '}
				</Text>
			))}
		</Box>
	);
});
