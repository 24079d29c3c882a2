import {memo} from 'react';
import {Box, Text} from 'ink';
import wrapAnsi from 'wrap-ansi';
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

/**
 * The newest printed lines that fit `height` lines of `width`, each whole: a line too long
 * for the width wraps under its text (its time on the first line). One line of `height` is
 * kept for the heading above them.
 */
export function wrappedLog(lines: readonly LogLine[], height: number, width: number): {line: LogLine; rows: string[]}[] {
	const shown: {line: LogLine; rows: string[]}[] = [];
	// The first line says what these are (and how many are left out).
	let used = 1;
	for (let index = lines.length - 1; index >= 0; index--) {
		const line = lines[index]!;
		const prefix = `${fixed(line.atMs)} s  `;
		const text = wrapAnsi(line.text, Math.max(8, width - prefix.length), {hard: true}).split('\n');
		const rows = text.map((row, at) => (at === 0 ? prefix : ' '.repeat(prefix.length)) + row);
		if (used + rows.length > height) break;
		shown.unshift({line, rows});
		used += rows.length;
	}
	return shown;
}

/** The printed lines in a column of their own (the tour puts them beside the slide's points). */
export const PrintedLog = memo(function PrintedLog({lines, height, width}: {lines: readonly LogLine[]; height: number; width: number}) {
	const theme = useTheme();
	const shown = wrappedLog(lines, height, width);
	const hidden = lines.length - shown.length;
	return (
		<Box flexDirection="column">
			{hidden > 0 ? <Text color={theme.muted}>{`printed (+${hidden} earlier):`}</Text> : <Text color={theme.muted}>printed:</Text>}
			{shown.flatMap(({line, rows}, index) =>
				rows.map((row, at) => (
					<Text key={`${index}.${at}`} color={line.kind === 'print' ? theme.main : line.kind === 'fail' ? theme.bad : undefined}>
						{row}
					</Text>
				)),
			)}
		</Box>
	);
}, sameLog);
