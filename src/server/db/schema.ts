/**
 * Every table Kysely knows. Each module declares its own tables in its `<module>.table.ts`, which
 * merges them into this interface (`declare module '../../db/schema' { interface Database { … } }`),
 * so a new module adds tables without editing this file.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each module's declaration merging.
export interface Database {}
