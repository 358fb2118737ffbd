/** One schema change: applied once, recorded in schema_migrations by name, never edited after release. */
export interface Migration {
  /** Unique and stable, e.g. "documents-001-create". */
  readonly name: string;
  readonly sql: string;
}
