// JSON Schema validation for producing: ajv (draft-07 by default, 2019-09 and 2020-12 when the schema says
// so), with the registry's references added under their names, so `$ref: "address.json"` resolves.
import { Ajv, type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SchemaMismatch } from './mismatch.ts';

function parse(text: string, what: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed === 'boolean') return parsed ? {} : { not: {} };
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${what} is not a JSON Schema object`);
  return parsed as Record<string, unknown>;
}

function validatorFor(draft: unknown): Ajv {
  const options = { strict: false, allErrors: false, validateSchema: false } as const;
  const ajv =
    typeof draft === 'string' && draft.includes('2020-12')
      ? new Ajv2020(options)
      : typeof draft === 'string' && draft.includes('2019-09')
        ? new Ajv2019(options)
        : new Ajv(options);
  // ajv-formats is CommonJS: its default export arrives wrapped under ESM.
  const add = ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as (
    ajv: Ajv,
  ) => Ajv;
  return add(ajv);
}

/** `user.age` from ajv's `/user/age`, with the missing or extra property named for those errors. */
export function errorPath(error: ErrorObject): string {
  const parts = error.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const extra = params.missingProperty ?? params.additionalProperty;
  if (extra !== undefined) parts.push(extra);
  return parts.join('.');
}

/** A check of JSON data against a registry JSON Schema (and its references); throws SchemaMismatch. */
export function jsonSchemaValidator(
  schema: string,
  references: { name: string; schema: string }[] = [],
): (value: unknown) => void {
  const root = parse(schema, 'The schema');
  const ajv = validatorFor(root.$schema);
  for (const r of references) {
    const referenced = parse(r.schema, `Reference ${r.name}`);
    delete referenced.$schema;
    ajv.addSchema(referenced as AnySchema, r.name);
  }
  // draft-04/06 are read as draft-07 (their differences rarely matter for checking a record).
  if (typeof root.$schema === 'string' && /draft-0[46]/.test(root.$schema)) delete root.$schema;
  const validate: ValidateFunction = ajv.compile(root);
  return (value) => {
    if (validate(value)) return;
    const first = validate.errors?.[0];
    throw new SchemaMismatch(first ? errorPath(first) : '', first?.message);
  };
}
