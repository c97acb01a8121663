import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failures with their message and stack trace moved into an encoded payload, which the
 * encryption codec then encrypts: a failure's message (an activity's error, an update's refusal)
 * could otherwise carry personal data into the history in the clear. Loaded by path
 * (`failureConverterPath`) into the workflow bundle and by the worker; clients decode it anyway.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
