import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

export interface Violation {
  /** The request field at fault, with its path for nested objects (`actor.role`). */
  field: string;
  /** The rule that refused it: a validation constraint, or a rulebook rule ID. */
  rule: string;
  message: string;
}

function flatten(errors: ValidationError[], parent = ''): Violation[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** A 400 that names each field and the rule it broke. */
export function invalidRequest(violations: Violation[]): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'The request is invalid', violations });
}

/** Unknown fields are refused rather than silently dropped: a typo must not lose data. */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalidRequest(flatten(errors)),
  });
}
