import {memo} from 'react';
import {Text} from 'ink';
import {useTheme} from '../theme.js';

export interface Segment {
	text: string;
	color?: string | undefined;
	bold?: boolean;
	inverse?: boolean;
}

/** One screen line from coloured segments: a single Text, so the row is one string to Ink. */
export const Line = memo(
	function Line({segments}: {segments: readonly Segment[]}) {
		const theme = useTheme();
		return (
			<Text wrap="truncate">
				{segments.map((segment, index) => (
					<Text key={index} color={segment.color} bold={segment.bold} inverse={segment.inverse}>
						{theme.text(segment.text)}
					</Text>
				))}
			</Text>
		);
	},
	(a, b) =>
		a.segments.length === b.segments.length &&
		a.segments.every((s, i) => {
			const t = b.segments[i]!;
			return s.text === t.text && s.color === t.color && s.bold === t.bold && s.inverse === t.inverse;
		}),
);
