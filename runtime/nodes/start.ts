// Start: passes straight on.
import { next, type NodeExecutor } from './node-executor.ts';

export const startExecutor: NodeExecutor<'start'> = { enter: () => next('next') };
