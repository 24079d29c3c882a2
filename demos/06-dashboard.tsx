// The default screen: the sleepers above the lock panel, unsafe beside mutex.
import {show} from 'threadlab';

process.exitCode = await show({scene: 'dashboard', threads: 5, sleep: 2});
