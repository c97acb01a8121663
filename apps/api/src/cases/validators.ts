import { assertIsoDate, checkNationalNumber } from '@tnw/domain';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** class-validator constraints backed by the domain's rules, so API and workflows agree. */
function domainConstraint(name: string, isValid: (value: unknown) => boolean, message: (args: ValidationArguments) => string) {
  return (options?: ValidationOptions) => (target: object, propertyName: string) =>
    registerDecorator({ name, target: target.constructor, propertyName, options, validator: { validate: isValid, defaultMessage: message } });
}

export const IsBelgianNationalNumber = domainConstraint(
  'isBelgianNationalNumber',
  (value) => typeof value === 'string' && checkNationalNumber(value).valid,
  (args) => {
    const check = typeof args.value === 'string' ? checkNationalNumber(args.value) : undefined;
    const why = check && !check.valid ? ` ${check.message}` : '';
    return `${args.property} must be a Belgian national number (11 digits with a mod-97 check).${why}`;
  },
);

export const IsCalendarDate = domainConstraint(
  'isCalendarDate',
  (value) => {
    try {
      return typeof value === 'string' && assertIsoDate(value) === value;
    } catch {
      return false;
    }
  },
  (args) => `${args.property} must be a calendar date YYYY-MM-DD`,
);
