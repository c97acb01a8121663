import type { Role } from '@tnw/contracts';

/** A member of staff known to the development issuer. Production staff live in the real IdP. */
export interface DevUser {
  /** The token's subject: the staff ID recorded in the audit log. */
  id: string;
  name: string;
  roles: readonly Role[];
  locale: 'nl' | 'fr' | 'de' | 'en';
}

/**
 * One user per role (two coordinators, one per language) for development and tests. The
 * development issuer accepts the password `dev` for each; it must never face the internet.
 */
export const DEV_USERS: readonly DevUser[] = [
  { id: 'coord-17', name: 'An Peeters', roles: ['coordinator'], locale: 'nl' },
  { id: 'coord-22', name: 'Luc Dubois', roles: ['coordinator'], locale: 'fr' },
  { id: 'adva-3', name: 'Dr. Sofie Maes', roles: ['advisingPhysician'], locale: 'nl' },
  { id: 'riziv-5', name: 'Karel Janssens', roles: ['rizivReviewer'], locale: 'nl' },
  { id: 'hcgri-2', name: 'Marie Lambert', roles: ['hcgriMember'], locale: 'fr' },
  { id: 'vdab-9', name: 'Pieter Claes', roles: ['employmentCounsellor'], locale: 'nl' },
  { id: 'super-1', name: 'Els Wouters', roles: ['supervisor'], locale: 'nl' },
  { id: 'audit-1', name: 'Jan De Smet', roles: ['auditor'], locale: 'nl' },
  { id: 'admin-1', name: 'Nadia El Amrani', roles: ['administrator'], locale: 'fr' },
];

export const DEV_PASSWORD = 'dev';

/** A client of the development issuer. */
export type DevClient =
  /** A partner's system calling in with the client-credentials grant. */
  | { id: string; kind: 'partner'; secret: string; name: string }
  /** A browser app: authorization code with PKCE, no secret. */
  | { id: string; kind: 'public'; name: string; redirectUris: readonly RegExp[] }
  /** Command-line tools and tests: the password grant, development only. */
  | { id: string; kind: 'cli'; name: string };

const LOCAL_CALLBACK = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/.*$/;

export const DEV_CLIENTS: readonly DevClient[] = [
  { id: 'partner-gateway', kind: 'partner', secret: 'dev-partner-secret', name: 'Partner simulators (employment services, employers)' },
  { id: 'tnw-web', kind: 'public', name: 'TNW back office', redirectUris: [LOCAL_CALLBACK] },
  { id: 'tnw-cli', kind: 'cli', name: 'TNW command line and tests' },
];
