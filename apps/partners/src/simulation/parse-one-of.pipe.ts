import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { invalidRequest } from '../../../shared/request-validation';

/** A path parameter that must be one of `values`; otherwise a 400 that names it, like a body field. */
export class ParseOneOfPipe<T extends string> implements PipeTransform<string, T> {
  constructor(private readonly values: readonly T[]) {}

  transform(value: string, metadata: ArgumentMetadata): T {
    const match = this.values.find((allowed) => allowed === value);
    if (match !== undefined) return match;
    const field = metadata.data ?? 'parameter';
    throw invalidRequest([{ field, rule: 'isIn', message: `${field} must be one of: ${this.values.join(', ')}` }]);
  }
}
