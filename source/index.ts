/** The library: the engine, the model and the components, for demos and users' own tests. */
export {WorkerPool} from './engine/pool.js';
export {RealRun, type RunProgram, type ThreadSpec} from './engine/run.js';
export type {Lab, ThreadHandle} from './engine/lab.js';
export {toSnapshot, summarize, type Snapshot} from './model/snapshot.js';
export type {Sample} from './model/types.js';
export {SCENES, SCENE_NAMES, type Scene, type SceneName, type SceneOptions} from './scenes/index.js';
