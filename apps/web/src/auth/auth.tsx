import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { configureApi, getJson } from '../api/client';
import type { Me, Role } from '../api/types';

/** Where to sign in: answered by the API at /app/config.json (apps/api/src/web/serve-web-app.ts). */
export interface AppConfig {
  issuer: string;
  clientId: string;
}

export const BASE_PATH = '/app';
const CALLBACK_PATH = `${BASE_PATH}/callback`;
const SIGNED_OUT_PATH = `${BASE_PATH}/signed-out`;

/**
 * Sign-in with OpenID Connect: authorization code with PKCE (S256) at the issuer, as the
 * public client `tnw-web`. Tokens stay in this tab's session storage; the access token goes to
 * the API as a bearer token. There is no refresh token: when it expires, the next call that the
 * API refuses (401) signs in again and comes back to the same page.
 */
export function createUserManager(config: AppConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}${SIGNED_OUT_PATH}`,
    response_type: 'code',
    scope: 'openid profile',
    loadUserInfo: false,
    automaticSilentRenew: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

interface AuthState {
  user: User;
  me: Me;
  /** The name from the ID token, for the header. */
  name: string;
  has(...roles: Role[]): boolean;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside <SignedIn>');
  return auth;
}

function here(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}

/** Renders its children for a signed-in user; otherwise goes to the issuer's sign-in page and back. */
export function SignedIn({
  manager,
  onLocale,
  children,
}: {
  manager: UserManager;
  onLocale: (locale: string) => void;
  children: ReactNode;
}) {
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const signIn = () => manager.signinRedirect({ state: { returnTo: here() } });
    configureApi(
      async () => (await manager.getUser())?.access_token ?? null,
      () => void manager.removeUser().then(signIn),
    );
    (async () => {
      if (window.location.pathname === CALLBACK_PATH) {
        const signedIn = await manager.signinRedirectCallback();
        const returnTo = (signedIn.state as { returnTo?: string } | undefined)?.returnTo;
        window.history.replaceState(null, '', returnTo && !returnTo.startsWith(CALLBACK_PATH) ? returnTo : `${BASE_PATH}/`);
        if (typeof signedIn.profile.locale === 'string') onLocale(signedIn.profile.locale);
        if (!cancelled) setUser(signedIn);
        return;
      }
      const stored = await manager.getUser();
      if (stored && !stored.expired) {
        // The profile's language also after a reload, unless the user chose one here.
        if (typeof stored.profile.locale === 'string') onLocale(stored.profile.locale);
        if (!cancelled) setUser(stored);
      } else {
        await signIn();
      }
    })().catch((reason: unknown) => !cancelled && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      cancelled = true;
    };
  }, [manager, onLocale]);

  if (error)
    return <SignInFailed message={error} retry={() => void manager.signinRedirect({ state: { returnTo: `${BASE_PATH}/` } })} />;
  if (!user) return <Waiting />;
  return (
    <WithMe user={user} manager={manager}>
      {children}
    </WithMe>
  );
}

function WithMe({ user, manager, children }: { user: User; manager: UserManager; children: ReactNode }) {
  const me = useQuery({ queryKey: ['me', user.profile.sub], queryFn: () => getJson<Me>('/me'), staleTime: Infinity });
  const value = useMemo<AuthState | null>(() => {
    if (!me.data) return null;
    const roles = me.data.roles ?? [];
    return {
      user,
      me: me.data,
      name: typeof user.profile.name === 'string' ? user.profile.name : me.data.id,
      has: (...wanted: Role[]) => wanted.some((role) => roles.includes(role)),
      signOut: async () => {
        await manager.removeUser();
        window.location.assign(SIGNED_OUT_PATH);
      },
    };
  }, [me.data, user, manager]);
  if (me.error) return <SignInFailed message={me.error.message} retry={() => void me.refetch()} />;
  if (!value) return <Waiting />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

function Waiting() {
  return (
    <Center h="100vh" aria-busy="true">
      <Loader aria-label="…" />
    </Center>
  );
}

function SignInFailed({ message, retry }: { message: string; retry: () => void }) {
  return (
    <Center h="100vh">
      <div role="alert">
        <p>Sign-in failed / Aanmelden mislukt / Échec de la connexion: {message}</p>
        <button type="button" onClick={retry}>
          Retry / Opnieuw / Réessayer
        </button>
      </div>
    </Center>
  );
}

export const AUTH_PATHS = { callback: CALLBACK_PATH, signedOut: SIGNED_OUT_PATH };
