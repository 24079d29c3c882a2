// esbuild plugins for the CLI bundle (dist/threadlab.cjs): Ink's render path, text widths,
// yoga in a script, the cursor (those for start-up alone are in start-plugins.mjs). Each edit
// of a dependency is exact: if the dependency changes, the build stops and says which edit no
// longer applies.
import {realpathSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';

/** The build stops if a plugin never found what it is for (its dependency moved or changed). */
export function mustMatch(b, name, what, matched) {
	b.onEnd(() => (matched() ? undefined : {errors: [{text: `${name}: ${what} was not in the bundle; the dependency changed`}]}));
}

/** Replaces exact pieces of a dependency's file (`edits`, or `edits(path)`) in the bundle; the build fails if one is gone. */
export function patch(name, file, edits) {
	return {
		name,
		setup(b) {
			let loaded = false;
			mustMatch(b, name, String(file), () => loaded);
			b.onLoad({filter: file}, async ({path}) => {
				loaded = true;
				let source = await readFile(path, 'utf8');
				for (const [from, to] of typeof edits === 'function' ? edits(path) : edits) {
					if (!source.includes(from)) throw new Error(`${name}: ${path} changed, "${from.split('\n')[0]}" is gone`);
					source = source.replace(from, to);
				}
				return {contents: source, loader: 'js'};
			});
		},
	};
}

/**
 * With DEV=true Ink awaits React DevTools at its top level, which a script cannot do. The
 * CLI bundle never had DevTools (react-devtools-core is a stub there), so the await goes.
 */
export const inkWithoutDevtools = patch('ink-without-devtools', /[\\/]ink[\\/]build[\\/]reconciler\.js$/, [
	["await import('./devtools.js');", 'void 0;'],
	['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
]);

/**
 * Ink rebuilds the whole screen for every frame: each line is cut into styled characters
 * (@alcalzone/ansi-tokenize), put in a grid, and the grid turned back into strings. That was
 * two thirds of the CPU threadlab takes while threads sleep. Three exact edits, same output:
 * - graphemes come from source/ui/text-width.ts instead of Intl.Segmenter when every UTF-16
 *   unit is its own grapheme (printable ASCII, our glyphs and colour codes), and the segmenter
 *   is made the first time it is needed (see lazyIcu in start-plugins.mjs);
 * - the characters of one run of text share one styles array instead of a copy each;
 * - neighbouring characters whose styles are the same array, or both none, skip the diff of
 *   their styles (three Sets and four arrays per character).
 */
export function fastStyledChars(root) {
	return patch('fast-styled-chars', /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/](tokenize|styledChars)\.js$/, (path) =>
		path.endsWith('tokenize.js')
			? [
					[
						'const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });',
						`import {narrowGraphemes} from ${JSON.stringify(join(root, 'source', 'ui', 'text-width.ts').split('\\').join('/'))};\nlet segmenter;`,
					],
					[
						'of segmenter.segment(str))',
						'of (narrowGraphemes(str) ?? (segmenter ??= new Intl.Segmenter(undefined, {granularity: "grapheme"})).segment(str)))',
					],
				]
			: [
					['    let codes = [];\n', '    let codes = [];\n    let shared;\n'],
					[
						'codes = reduceAnsiCodesIncremental(codes, [token]);',
						'codes = reduceAnsiCodesIncremental(codes, [token]);\n            shared = undefined;',
					],
					// The same own properties as {...token, styles}, without a spread per character.
					[
						'ret.push({\n                ...token,\n                styles: [...codes],\n            });',
						'ret.push({type: token.type, value: token.value, fullWidth: token.fullWidth, styles: (shared ??= [...codes])});',
					],
					[
						'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
						'const before = chars[i - 1].styles;\n            if (before !== char.styles && (before.length > 0 || char.styles.length > 0))\n                ret += ansiCodesToString(diffAnsiCodes(before, char.styles));',
					],
				],
	);
}

/**
 * Ink's screen grid, for every frame: one shared blank cell instead of a new object (with
 * its own styles array) per cell; each line's styled characters and width looked up in the
 * last frame's cache before they are worked out again (two frames are kept, no more), so
 * that lines that did not change are not cut up again; and a row of the grid whose cells are
 * the very same objects as the last row turned into a string at that height is not turned
 * into a string again. Cells and cached characters are only read, never changed.
 */
export const inkOutputReuse = patch('ink-output-reuse', /[\\/]ink[\\/]build[\\/]output\.js$/, [
	['    caches = new OutputCaches();', '    caches = OutputCaches.next();'],
	[
		'class OutputCaches {\n',
		`const lastRows = [];
class OutputCaches {
    static current;
    previous;
    static next() {
        const previous = OutputCaches.current;
        if (previous) previous.previous = undefined;
        OutputCaches.current = new OutputCaches();
        OutputCaches.current.previous = previous;
        return OutputCaches.current;
    }
`,
	],
	[
		'cached = styledCharsFromTokens(tokenize(line));',
		'cached = this.previous?.styledChars.get(line) ?? styledCharsFromTokens(tokenize(line));',
	],
	['cached = stringWidth(text);', 'cached = this.previous?.widths.get(text) ?? stringWidth(text);'],
	[
		"                row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
		'                row.push(blankCell);',
	],
	[
		'export default class Output {',
		"const blankCell = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});\nexport default class Output {",
	],
	[
		'            const lineWithoutEmptyItems = line.filter(item => item !== undefined);\n            return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
		`            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            const last = lastRows[y];
            if (last && last.cells.length === lineWithoutEmptyItems.length && last.cells.every((cell, x) => cell === lineWithoutEmptyItems[x]))
                return last.text;
            const text = styledCharsToString(lineWithoutEmptyItems).trimEnd();
            lastRows[y] = {cells: lineWithoutEmptyItems, text};
            return text;`,
	],
	[
		'        const generatedOutput = output\n            .map(line => {',
		'        const generatedOutput = output\n            .map((line, y) => {',
	],
]);

/**
 * Ink and its helpers get string-width behind source/ui/text-width.ts: our glyphs are measured
 * at once, and string-width (~17 ms to load) is loaded only for any other text. Both copies:
 * Ink's (8.x) and wrap-ansi's own older one (7.x), which Ink's text wrapping calls on the first
 * frame, and whose first call made an Intl.Segmenter (~14 ms of the first frame, profiled).
 * Each falls back to its own copy, so a string the fast path does not answer is measured as before.
 */
export function textWidth(root) {
	const copies = ['string-width', 'wrap-ansi/node_modules/string-width'].map((folder) =>
		realpathSync(join(root, 'node_modules', folder, 'index.js')),
	);
	return {
		name: 'text-width',
		setup(b) {
			const wrapped = new Set();
			mustMatch(b, 'text-width', "Ink's and wrap-ansi's string-width", () => wrapped.size === copies.length);
			b.onResolve({filter: /^string-width$/}, async ({importer, resolveDir, kind, pluginData}) => {
				if (pluginData === 'real') return undefined;
				const real = await b.resolve('string-width', {importer, resolveDir, kind, pluginData: 'real'});
				const path = real.errors.length > 0 ? undefined : realpathSync(real.path);
				if (!copies.includes(path)) return real;
				wrapped.add(path);
				return {path, namespace: 'text-width'};
			});
			b.onLoad({filter: /.*/, namespace: 'text-width'}, ({path}) => ({
				resolveDir: root,
				loader: 'js',
				// require() of an ES module inside the bundle: esbuild evaluates it when first called.
				contents: `import {${path === copies[0] ? 'narrowWidth' : 'narrowWidth7 as narrowWidth'}} from './source/ui/text-width.ts';
let real;
export default function stringWidth(text, options) {
	const width = options === undefined && typeof text === 'string' ? narrowWidth(text) : undefined;
	if (width !== undefined) return width;
	real ??= require(${JSON.stringify(path.split('\\').join('/'))}).default;
	return real(text, options);
}
`,
			}));
		},
	};
}

export function yogaInScript(root) {
	return {
		name: 'yoga-in-script',
		setup(b) {
			b.onResolve({filter: /^yoga-layout$/}, () => ({path: 'yoga-layout', namespace: 'yoga-in-script'}));
			b.onResolve({filter: /^threadlab-entry$/}, () => ({path: 'entry', namespace: 'yoga-in-script'}));
			b.onLoad({filter: /^yoga-layout$/, namespace: 'yoga-in-script'}, () => ({
				resolveDir: root,
				loader: 'js',
				contents: `import {loadYoga} from 'yoga-layout/load';
export * from 'yoga-layout/load';
const Yoga = {};
export default Yoga;
export const yogaLoaded = loadYoga().then((loaded) => {
	Object.assign(Yoga, loaded);
});
`,
			}));
			b.onLoad({filter: /^entry$/, namespace: 'yoga-in-script'}, () => ({
				resolveDir: root,
				loader: 'js',
				contents: `import {yogaLoaded} from 'yoga-layout';
import {main} from './source/cli/main.ts';
export async function run() {
	await main(yogaLoaded);
}
`,
			}));
		},
	};
}

/**
 * Not for speed: restore-cursor (through Ink's cli-cursor) writes the cursor-show escape to
 * stderr at every exit, even when stderr is a file the user redirected it to. The cursor is
 * the terminal's: the escape goes to whichever of stderr and stdout is a terminal, if any.
 * (threadlab shows the cursor itself on every exit path; this is the last resort.)
 */
export const cursorToTerminal = patch('cursor-to-terminal', /[\\/]restore-cursor[\\/]index\.js$/, [
	[
		"process.stderr.write('\\u001B[?25h');",
		"const tty = process.stderr.isTTY ? process.stderr : process.stdout.isTTY ? process.stdout : undefined;\n\t\ttty?.write('\\u001B[?25h');",
	],
]);
