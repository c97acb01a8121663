import type { Role } from '@tnw/contracts';

/**
 * Staff roles plus the partners' systems, which call in with client-credentials tokens
 * (employment services, the employer's prevention service, the mutuality's gateway).
 */
export type AccessRole = Role | 'partner';
