// Writes <dist>/threadlab.code-cache for source/bin.ts: runs the CLI bundle through what a
// first frame compiles (meow, then Ink and React laying out and drawing the default scene,
// as deterministic frames so that no terminal or worker is needed), then asks V8 for the
// compiled code of every function that ran. Run by scripts/build.mjs, in a plain `node`
// so the V8 flags match those of `node dist/cli.js`.
import {writeFileSync} from 'node:fs';
import {resolve} from 'node:path';

const dir = resolve(process.argv[2] ?? 'dist');
const {CODE_CACHE, loadBundle} = await import(`${dir}/load-bundle.js`);
const loaded = loadBundle(dir);
process.argv = [process.argv[0], `${dir}/cli.js`, 'dashboard', '--seed', '1', '--frames', '0,1,2.5', '--color'];
process.stdout.write = () => true;
await loaded.run();
writeFileSync(`${dir}/${CODE_CACHE}`, loaded.script.createCachedData());
