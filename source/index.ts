/**
 * threadlab as a library: deterministic frames for snapshot tests, the engine
 * (real worker threads, the simulation), the pure model, and the components.
 */
// The public types use Node's (worker_threads, NodeJS.ProcessEnv): load them for consumers
// whose tsconfig lists no `types` (TypeScript 7's default). @types/node is a peer dependency.
/// <reference types="node" preserve="true" />
export {renderFrame, type FrameOptions} from './cli/render-frame.js';
export {show, type ShowOptions} from './cli/show.js';
export {sleeper, threadNames} from './lessons/types.js';
export {WorkerPool} from './engine/pool.js';
export {RealRun, type RunProgram, type ThreadSpec} from './engine/run.js';
export {SimRun} from './engine/sim/run.js';
export {SimSession} from './engine/sim/session.js';
export {type LockCells, Mutex} from './engine/mutex.js';
export {prepareRun, type LiveRun} from './engine/live.js';
export {PythonRun} from './engine/python.js';
export {COUNTER_MODES, type CounterMode} from './engine/jobs.js';
export type {Join, Lab, MainProgram, ThreadHandle} from './engine/lab.js';
export {toSnapshot, summarize, type Snapshot, type Summary, type Comparison, type ThreadRowModel, type LogLine} from './model/snapshot.js';
export {raceResult, findCollision, collisionText, type RaceResult, type Collision} from './model/race.js';
export {gilResult, type GilResult, type GilLaneResult} from './model/gil.js';
export {
	countInterleavings,
	INCREMENT_STEPS,
	type RaceShape,
	type RaceState,
	type InterleavingCount,
	type StepName,
} from './model/interleavings.js';
export {
	enumerateSchedules,
	schedulesEnding,
	exampleSchedule,
	replay,
	type Outcome,
	type ReplayStep,
	type ThreadPlace,
} from './model/interleavings-examples.js';
export type {Sample, ThreadSample, EventSample, RaceSample, GilSample, PythonBuild, ThreadStateName, MainState} from './model/types.js';
export {
	SCENES,
	SCENE_NAMES,
	RACE_DEFAULTS,
	raceProgram,
	GIL_DEFAULTS,
	gilPrograms,
	type GilOptions,
	type Scene,
	type SceneName,
	type SceneOptions,
	type RaceOptions,
} from './lessons/index.js';
export {type View, viewFor, lanesFor} from './lessons/view.js';
export {Screen, type ScreenProps} from './ui/components/Screen.js';
export {SceneView} from './ui/components/SceneView.js';
export {RaceView} from './ui/components/RaceView.js';
export {DashboardView} from './ui/components/DashboardView.js';
export {GilView} from './ui/components/GilView.js';
export {LockPanel, type LockColumn} from './ui/components/LockPanel.js';
export {ThreadTable} from './ui/components/ThreadTable.js';
export {ThreadRow} from './ui/components/ThreadRow.js';
export {EventLog} from './ui/components/EventLog.js';
export {ThemeContext, makeTheme, type Theme} from './ui/theme.js';
export {App, type AppProps} from './ui/App.js';
export {parseOptions, UsageError, type Options} from './cli/options.js';
export {DEADLOCK_DEFAULTS, deadlockProgram, type DeadlockOptions} from './lessons/index.js';
export {LOCK_ORDERS, type LockOrder} from './engine/jobs.js';
export {findCycle, deadlockOf, cycleLine, type WaitCycle} from './model/deadlock.js';
export type {DeadlockSample} from './model/types.js';
