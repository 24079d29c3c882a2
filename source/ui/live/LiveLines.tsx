import {createContext, memo, useContext, useLayoutEffect, useRef, useState} from 'react';
import {Box, type DOMElement, Text} from 'ink';
import type {Patcher} from './patcher.js';
import type {LiveOf, Region} from './regions.js';

/** The patcher of a live screen on a terminal; null for a rendered frame, a test or a pipe. */
export const PatcherContext = createContext<Patcher | null>(null);
export const usePatcher = (): Patcher | null => useContext(PatcherContext);

const Line = memo(function Line({text}: {text: string}) {
	return <Text wrap="truncate">{text}</Text>;
});

/**
 * Lines that move with time alone, drawn from `of` by `draw` (a pure function, so the patcher
 * can draw them for a later snapshot between renders): one line of text each, in a column.
 */
export function LiveLines({of, draw}: {of: LiveOf; draw: (of: LiveOf) => readonly string[]}) {
	const patcher = usePatcher();
	const ref = useRef<DOMElement>(null);
	// Rows the patcher has moved on since `of` was published: a render below the source draws those.
	const lines = draw(patcher ? patcher.latest(of) : of);
	const [region] = useState<Region>(() => ({of, draw, rendered: lines, node: null}));
	// What this render drew, for the patcher to compare with (as ThreadTable tells the source its bars' steps).
	region.of = of;
	region.draw = draw;
	region.rendered = lines;
	useLayoutEffect(() => {
		if (!patcher) return;
		region.node = ref.current;
		patcher.add(region);
		return () => patcher.delete(region);
	}, [patcher, region]);
	return (
		<Box ref={ref} flexDirection="column">
			{lines.map((line, index) => (
				<Line key={index} text={line} />
			))}
		</Box>
	);
}
