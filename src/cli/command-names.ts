// The names of opsplan's commands, in help order, in a module of their own: bin/opsplan's
// start (boot.ts) keys its code caches by command without loading any command's code.

/** Every command's name, in help order (commands/index.ts holds a loader for each). */
export const COMMAND_NAMES = ['validate', 'init', 'stock', 'mrp', 'production', 'variance', 'consolidate', 'service', 'accounts', 'report', 'kpi', 'diff', 'quality', 'equipment', 'safety', 'suppliers'] as const;

/** A command's name. */
export type CommandName = (typeof COMMAND_NAMES)[number];
