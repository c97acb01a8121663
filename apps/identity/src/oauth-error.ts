import { HttpException } from '@nestjs/common';

/** An error in the form RFC 6749 section 5.2 gives it. */
export function oauthError(status: 400 | 401, error: string, description: string): HttpException {
  return new HttpException({ error, error_description: description }, status);
}
