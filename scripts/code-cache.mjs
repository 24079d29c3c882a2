// Writes <dist>/threadlab.code-cache for source/cli/bin.ts: runs the CLI bundle through what a
// first frame compiles (meow, then Ink and React laying out and drawing the default scene,
// as deterministic frames so that no terminal or worker is needed), then asks V8 for the
// compiled code of every function that ran. Run by scripts/build.mjs, in a plain `node`
// so the V8 flags match those of `node dist/cli.js`.
import {writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

const dir = resolve(process.argv[2] ?? 'dist');
const {CODE_CACHE, loadBundle} = await import(pathToFileURL(join(dir, 'load-bundle.js')).href);
const loaded = loadBundle(dir);
process.argv = [process.argv[0], join(dir, 'cli.js'), 'dashboard', '--seed', '1', '--frames', '0,1,2.5', '--color'];
process.stdout.write = () => true;
await loaded.run();
writeFileSync(join(dir, CODE_CACHE), loaded.script.createCachedData());
