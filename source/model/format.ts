/** Number and text formatting shared by the screen, the plain output and the summary. */

/** Seconds as the user typed them, like Python's print: 2 → "2", 0.5 → "0.5". */
export function seconds(value: number): string {
	return String(Number(value.toPrecision(12)));
}

/** ms → "1.23" seconds with a fixed number of decimals. */
export function fixed(ms: number, decimals = 2): string {
	return (Math.max(0, ms) / 1000).toFixed(decimals);
}

/**
 * A running clock, ms → seconds with `decimals` decimals, cut rather than rounded: like a
 * stopwatch it never shows a second (or a tenth) before it has passed.
 */
export function clock(ms: number, decimals: number): string {
	const unit = 10 ** decimals;
	return (Math.floor((Math.max(0, ms) * unit) / 1000) / unit).toFixed(decimals);
}

/** Shorten text to `width` columns, ending with an ellipsis when cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	if (text.length <= width) return text;
	if (width <= ellipsis.length) return text.slice(0, width);
	return text.slice(0, Math.max(0, width - ellipsis.length)) + ellipsis;
}

export function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** 1234567 → "1,234,567", the same on every machine and locale. */
export function grouped(value: number): string {
	return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Pad to `width` with the text at the right. */
export function right(text: string, width: number): string {
	return text.length >= width ? text.slice(0, width) : ' '.repeat(width - text.length) + text;
}
