import type { ValidateFunction } from "ajv";

/** Validates a catalog file against `schemas/catalog.schema.json` (precompiled). */
declare const validate: ValidateFunction;
export default validate;
