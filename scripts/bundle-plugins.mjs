// esbuild plugins for the CLI bundle (dist/threadlab.cjs), each for the time to the first
// frame (`npm run bench`, bench/RESULTS.md). Each edit of a dependency is exact: if the
// dependency changes, the build stops and says which edit no longer applies.
import {readFileSync, realpathSync} from 'node:fs';
import {createRequire, isBuiltin} from 'node:module';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';

/** The build stops if a plugin never found what it is for (its dependency moved or changed). */
function mustMatch(b, name, what, matched) {
	b.onEnd(() => (matched() ? undefined : {errors: [{text: `${name}: ${what} was not in the bundle; the dependency changed`}]}));
}

/** Replaces exact pieces of a dependency's file (`edits`, or `edits(path)`) in the bundle; the build fails if one is gone. */
function patch(name, file, edits) {
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
 * meow evaluates two CommonJS bundles it carries as soon as it loads: normalize-package-data
 * (spdx-correct sorts its tables) and @babel/code-frame. It calls them only to read and
 * report a package.json, which the CLI hands it instead (`pkg`). Loading them when first
 * called takes ~15 ms off every start.
 */
export const lazyMeow = patch('lazy-meow', /[\\/]meow[\\/]build[\\/]dependencies\.js$/, [
	[
		'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
		'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
	],
	['var libExports = requireLib$1();', 'var libExports = {codeFrameColumns: (...args) => requireLib$1().codeFrameColumns(...args)};'],
]);

/**
 * With DEV=true Ink awaits React DevTools at its top level, which a script cannot do. The
 * CLI bundle never had DevTools (react-devtools-core is a stub there), so the await goes.
 */
export const inkWithoutDevtools = patch('ink-without-devtools', /[\\/]ink[\\/]build[\\/]reconciler\.js$/, [
	["await import('./devtools.js');", 'void 0;'],
	['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
]);

/**
 * Ink's ErrorOverview (what Ink draws when a component throws) builds a stack-utils parser
 * when it loads (~4 ms); it is built the first time an error is drawn instead.
 */
export const inkLazyStackUtils = patch('ink-lazy-stack-utils', /[\\/]ink[\\/]build[\\/]components[\\/]ErrorOverview\.js$/, [
	["import StackUtils from 'stack-utils';\n", ''],
	[
		'const stackUtils = new StackUtils({\n    cwd: cwd(),\n    internals: StackUtils.nodeInternals(),\n});',
		`let parser;
const stackUtils = {
    parseLine(line) {
        const StackUtils = require('stack-utils');
        parser ??= new StackUtils({cwd: cwd(), internals: StackUtils.nodeInternals()});
        return parser.parseLine(line);
    },
};`,
	],
]);

/**
 * Ink rebuilds the whole screen for every frame: each line is cut into styled characters
 * (@alcalzone/ansi-tokenize), put in a grid, and the grid turned back into strings. That was
 * two thirds of the CPU threadlab takes while threads sleep. Three exact edits, same output:
 * - graphemes come from source/ui/text-width.ts instead of Intl.Segmenter when every UTF-16
 *   unit is its own grapheme (printable ASCII, our glyphs and colour codes), and the segmenter
 *   is made the first time it is needed (see lazyIcu);
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
 * The first Intl.Segmenter a process makes starts ICU (its locale and break rules): 15–30 ms,
 * the largest entry in the profile of the first frame. slice-ansi (Ink's clipping and
 * truncation) made one, and a Unicode-property expression, as it loaded; the first frame of a
 * scene clips and truncates nothing. Both are made the first time slice-ansi is called instead.
 */
export const lazyIcu = patch('lazy-icu', /[\\/]slice-ansi[\\/]tokenize-ansi\.js$/, [
	[
		'const EMOJI_PRESENTATION_GRAPHEME_REGEX = /\\p{Emoji_Presentation}/u;',
		'let emojiPresentation;\nconst EMOJI_PRESENTATION_GRAPHEME_REGEX = {test: (grapheme) => (emojiPresentation ??= /\\p{Emoji_Presentation}/u).test(grapheme)};',
	],
	[
		"const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});",
		"let graphemeSegmenter;\nconst GRAPHEME_SEGMENTER = {segment: (text) => (graphemeSegmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text)};",
	],
]);

/**
 * signal-exit (Ink's and restore-cursor's) loads Node's assert (~1–2 ms: its own modules) for
 * one check of its argument, which Ink's first render makes; assert loads only if it fails.
 */
export const lazyAssert = patch('lazy-assert', /[\\/]signal-exit[\\/]index\.js$/, [
	[
		"  var assert = require('assert')\n",
		"  var assert = {equal: (actual, expected, message) => actual == expected || require('assert').equal(actual, expected, message)}\n",
	],
]);

/**
 * Node's child_process (with dgram and its internals, ~1–2 ms) was loaded by three modules as
 * the bundle loaded: the Python lane (gil only), terminal-size's fallbacks and a meow helper,
 * none of which the first frame calls. Their imports get functions that load it when called.
 * A class (ChildProcess) is not wrapped: importing one fails the build (types are erased).
 */
export function lazyChildProcess(root) {
	const require = createRequire(join(root, 'package.json'));
	return {
		name: 'lazy-child-process',
		setup(b) {
			b.onResolve({filter: /^(node:)?child_process$/}, ({kind}) =>
				kind === 'import-statement' ? {path: 'child_process', namespace: 'lazy-child-process'} : undefined,
			);
			b.onLoad({filter: /.*/, namespace: 'lazy-child-process'}, () => {
				const names = Object.entries(require('node:child_process'))
					.filter(([name, value]) => typeof value === 'function' && /^[a-z]\w*$/.test(name))
					.map(([name]) => name);
				const calls = names.map((name) => `export const ${name} = (...args) => load().${name}(...args);`);
				return {
					resolveDir: root,
					loader: 'js',
					contents: `let loaded;\nconst load = () => (loaded ??= require('node:child_process'));\n${calls.join('\n')}\nexport default {${names.join(', ')}};\n`,
				};
			});
		},
	};
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

/**
 * An ES module that imports a CommonJS one gets a copy of its exports from esbuild's __toESM:
 * one getter per export, made again by every importing module. React was copied 53 times as
 * the bundle loaded (46 getters each), `process` 16 times (79 each): 8–9 ms of the first
 * frame (profiled, `c0`). Instead React and its JSX runtime are each put behind an ES module
 * that `require`s it once and exports its values, and so is a Node module that a file imports
 * only as a default (`import process from 'node:process'`): no other of its properties is read
 * (on Node 24 some of fs's are getters that warn). An import of a name a facade lacks fails the build.
 */
export function esmFacades(root) {
	const require = createRequire(join(root, 'package.json'));
	const sources = new Map();
	/** Every import of `specifier` in `importer` is of its default alone. */
	const defaultOnly = (importer, specifier) => {
		if (!sources.has(importer)) sources.set(importer, readFileSync(importer, 'utf8'));
		const imports = [...sources.get(importer).matchAll(/^import\s+([^'";]+?)\s+from\s+['"]([^'"]+)['"]/gm)];
		const of = imports.filter((match) => match[2] === specifier);
		return of.length > 0 && of.every((match) => /^[\w$]+$/.test(match[1]));
	};
	const exported = (path) =>
		Object.entries(Object.getOwnPropertyDescriptors(require(path)))
			.filter(([name, descriptor]) => 'value' in descriptor && /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default')
			.map(([name]) => name);
	return {
		name: 'esm-facades',
		setup(b) {
			b.onResolve({filter: /^[\w:/-]+$/}, ({path, kind, importer}) =>
				kind === 'import-statement' &&
				(path === 'react' || path === 'react/jsx-runtime' || (isBuiltin(path) && defaultOnly(importer, path)))
					? {path, namespace: 'esm-facade'}
					: undefined,
			);
			b.onLoad({filter: /.*/, namespace: 'esm-facade'}, ({path}) => ({
				resolveDir: root,
				loader: 'js',
				contents: `const m = require(${JSON.stringify(path)});\nexport default m;\n${
					isBuiltin(path) ? '' : `export const {${exported(path).join(', ')}} = m;\n`
				}`,
			}));
		},
	};
}

/**
 * yoga's WebAssembly, two edits (profiled and timed on Node 20):
 * - its bytes are a base64 data: URL in the loader, decoded by `atob` (in JavaScript on Node 20)
 *   and a loop of charCodeAt: ~6 ms of the first frame; Node's Buffer decodes them natively;
 * - the loader compiled and instantiated it asynchronously, starting in a promise callback
 *   that runs once the CLI first awaits (after parsing the command line); V8's async compile
 *   then needs the main thread's event loop between its steps, so the first frame waited
 *   ~10 ms for it with the main thread idle. The module is compiled and instantiated at once,
 *   as the bundle loads (1–2 ms: V8 compiles each function when first called either way), and
 *   the loader's promise resolves without waiting for a task. Failures go the loader's way.
 */
export const yogaWasm = patch('yoga-wasm', /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, [
	[
		'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
		'var d=Buffer.from(a.slice(37),"base64")',
	],
	[
		'function c(e){return ya().then(function(f){return WebAssembly.instantiate(f,d)}).then(function(f){return f}).then(e,',
		'function c(e){var k;try{var g=new WebAssembly.Module(wa());k={instance:new WebAssembly.Instance(g,d),module:g}}catch(f){return Promise.reject(f).then(e,function(f){v("failed to asynchronously prepare wasm: "+f);x(f)})}return new Promise(function(r){r(e(k))});return Promise.resolve().then(e,',
	],
]);

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
