export { createValidator } from './create-validator';
export { referenceFormatError } from './references';
export { PRIMITIVE_TYPES, isCalendarDate, primitiveError } from './primitives';
export type { ValidateOptions, Validator, ValidatorDefinitions } from './types';
