import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import { App, SignedOut } from './App';
import { AUTH_PATHS, BASE_PATH, createUserManager, SignedIn, type AppConfig } from './auth/auth';
import { initI18n, languageFromProfile } from './i18n';

const theme = createTheme({ primaryColor: 'indigo', defaultRadius: 'sm' });

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // A refusal (4xx) is an answer, not a hiccup: do not ask again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [language, setLanguage] = useState(i18n.language);
  useEffect(() => {
    const changed = (next: string) => setLanguage(next);
    i18n.on('languageChanged', changed);
    return () => i18n.off('languageChanged', changed);
  }, [i18n]);
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: language === 'en' ? 'en' : language, firstDayOfWeek: 1 }}>
        <Notifications position="bottom-right" />
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

async function start(): Promise<void> {
  await initI18n();
  const root = createRoot(document.getElementById('root') as HTMLElement);
  const response = await fetch(`${BASE_PATH}/config.json`);
  if (!response.ok) throw new Error(`${BASE_PATH}/config.json answered ${response.status}`);
  const manager = createUserManager((await response.json()) as AppConfig);
  const signIn = () => void manager.signinRedirect({ state: { returnTo: `${BASE_PATH}/` } });
  root.render(
    <Providers>
      {window.location.pathname === AUTH_PATHS.signedOut ? (
        <SignedOut signIn={signIn} />
      ) : (
        <SignedIn manager={manager} onLocale={languageFromProfile}>
          <App />
        </SignedIn>
      )}
    </Providers>,
  );
}

start().catch((error: unknown) => {
  document.body.textContent = `The application could not start: ${error instanceof Error ? error.message : String(error)}`;
});
