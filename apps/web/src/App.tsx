import { Button, Center, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { BASE_PATH, useAuth } from './auth/auth';
import { Layout, LanguageSwitch } from './components/Layout';
import { AuditCasePage, AuditHomePage, ReplayJobPage } from './pages/AuditPages';
import { CaseListPage } from './pages/CaseListPage';
import { CasePage } from './pages/CasePage';
import { EpisodePage } from './pages/EpisodePage';
import { InboxPage } from './pages/InboxPage';
import { ReportIncapacityPage } from './pages/ReportIncapacityPage';
import { StartCasePage } from './pages/StartCasePage';
import { startPage } from './roles';

// The charts library is the largest part of the app: loaded when the dashboard is opened.
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((module) => ({ default: module.DashboardPage })));

function Home() {
  const auth = useAuth();
  return <Navigate to={startPage(auth.me.roles)} replace />;
}

function Message({ text }: { text: string }) {
  return <Text>{text}</Text>;
}

function NotFound() {
  const { t } = useTranslation();
  return <Message text={t('app.notFound')} />;
}

function NoWork() {
  const { t } = useTranslation();
  return <Message text={t('app.noRolePage')} />;
}

function makeRouter() {
  return createBrowserRouter(
    [
      {
        element: <Layout />,
        children: [
          { index: true, element: <Home /> },
          { path: 'inbox', element: <InboxPage /> },
          { path: 'cases', element: <CaseListPage /> },
          { path: 'cases/new', element: <StartCasePage /> },
          { path: 'cases/:caseId', element: <CasePage /> },
          { path: 'incapacities/new', element: <ReportIncapacityPage /> },
          { path: 'incapacities/:episodeId', element: <EpisodePage /> },
          {
            path: 'dashboard',
            element: (
              <Suspense>
                <DashboardPage />
              </Suspense>
            ),
          },
          { path: 'audit', element: <AuditHomePage /> },
          { path: 'audit/cases/:caseId', element: <AuditCasePage /> },
          { path: 'audit/replays/:jobId', element: <ReplayJobPage /> },
          { path: 'no-work', element: <NoWork /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
    { basename: BASE_PATH },
  );
}

/** The signed-in app. The router is made after sign-in, once the address is the page to come back to. */
export function App() {
  const [router] = useState(makeRouter);
  return <RouterProvider router={router} />;
}

export function SignedOut({ signIn }: { signIn: () => void }) {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Stack align="center">
        <LanguageSwitch />
        <Text>{t('app.signedOut')}</Text>
        <Button onClick={signIn}>{t('app.signInAgain')}</Button>
      </Stack>
    </Center>
  );
}
