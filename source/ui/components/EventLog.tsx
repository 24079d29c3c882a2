import {memo} from 'react';
import {Box, Text} from 'ink';
import {fixed, truncate} from '../../model/format.js';
import type {LogLine} from '../../model/snapshot.js';
import {useTheme} from '../theme.js';

/** The notebook's printed lines, newest last, each with its time since the scene started. */
export const EventLog = memo(function EventLog({lines, height, width}: {lines: readonly LogLine[]; height: number; width: number}) {
	const theme = useTheme();
	const shown = height > 0 ? lines.slice(-height) : [];
	const hidden = lines.length - shown.length;
	return (
		<Box flexDirection="column">
			{shown.map((line, index) => {
				const color = line.kind === 'print' ? theme.main : line.kind === 'fail' ? theme.bad : undefined;
				const prefix = `${fixed(line.atMs)} s`.padStart(9);
				const label = index === 0 && hidden > 0 ? `${prefix}  (+${hidden} earlier) ` : `${prefix}  `;
				return (
					<Text key={lines.length - shown.length + index} wrap="truncate">
						<Text color={theme.muted}>{label}</Text>
						<Text color={color}>{truncate(line.text, width - label.length, theme.glyphs.ellipsis)}</Text>
					</Text>
				);
			})}
		</Box>
	);
});
