import type {Shown, Theme} from './theme.js';

const ACTIVE: ReadonlySet<Shown> = new Set<Shown>(['sleeping', 'running', 'joining', 'waiting', 'holding', 'starting']);

/** The glyph before a state word: a spinner frame (from the scene clock) while active. */
export function stateIcon(state: Shown, clockMs: number, theme: Theme): string {
	if (ACTIVE.has(state)) {
		const frames = theme.glyphs.spinner;
		return frames[Math.floor(clockMs / theme.glyphs.spinnerInterval) % frames.length] ?? ' ';
	}
	switch (state) {
		case 'done':
		case 'awake':
			return theme.glyphs.done;
		case 'failed':
			return theme.glyphs.failed;
		default:
			return theme.glyphs.idle;
	}
}
