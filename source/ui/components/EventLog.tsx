import {memo} from 'react';
import {Box, Text} from 'ink';
import {fixed, truncate} from '../../model/format.js';
import type {LogLine} from '../../model/snapshot.js';
import {useTheme} from '../theme.js';

type EventLogProps = {lines: readonly LogLine[]; height: number; width: number};

/**
 * Every snapshot brings a new array of log lines, mostly the same lines: the log redraws
 * only when what it shows differs (30 times a second while bars move, it does not).
 */
export function sameLog(a: EventLogProps, b: EventLogProps): boolean {
	if (a.height !== b.height || a.width !== b.width || a.lines.length !== b.lines.length) return false;
	for (let i = Math.max(0, a.lines.length - a.height); i < a.lines.length; i++) {
		const x = a.lines[i]!;
		const y = b.lines[i]!;
		if (x.atMs !== y.atMs || x.text !== y.text || x.kind !== y.kind) return false;
	}
	return true;
}

/** The notebook's printed lines, newest last, each with its time since the scene started. */
export const EventLog = memo(function EventLog({lines, height, width}: EventLogProps) {
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
}, sameLog);
