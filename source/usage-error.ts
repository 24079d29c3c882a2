export {UsageError} from './model/errors.js';
