/** A value that does not match the schema, with the path of the first field at fault (`user.age`). */
export class SchemaMismatch extends Error {
  override name = 'SchemaMismatch';
  constructor(
    readonly path: string,
    /** The validator's reason, when it gives one ("must be integer"). */
    reason?: string,
  ) {
    super(
      (path ? `field "${path}" does not match the schema` : 'it does not match the schema') +
        (reason ? ` (${reason})` : ''),
    );
  }
}
