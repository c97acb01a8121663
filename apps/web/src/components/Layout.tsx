import { Anchor, AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useEffect, useRef } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/auth';
import { chooseLanguage, LANGUAGES, type Language } from '../i18n';
import { PAGE_ROLES } from '../roles';

const LANGUAGE_NAMES: Record<Language, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Group gap={4} role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((language) => (
        <Button
          key={language}
          size="compact-sm"
          variant={current === language ? 'filled' : 'subtle'}
          aria-pressed={current === language}
          aria-label={LANGUAGE_NAMES[language]}
          lang={language}
          onClick={() => chooseLanguage(language)}
        >
          {language.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

/** The frame of every page: a skip link, the header with language and sign-out, the navigation of the user's roles. */
export function Layout() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const shown = useRef<string | null>(null);
  // After a navigation, keyboard and screen-reader users start at the new page's content.
  useEffect(() => {
    if (shown.current !== null && shown.current !== pathname) main.current?.focus();
    shown.current = pathname;
  }, [pathname]);
  const links = [
    { to: '/inbox', label: t('nav.inbox'), roles: PAGE_ROLES.inbox },
    { to: '/cases', label: t('nav.cases'), roles: PAGE_ROLES.cases },
    { to: '/cases/new', label: t('nav.startCase'), roles: PAGE_ROLES.startCase },
    { to: '/incapacities/new', label: t('nav.reportIncapacity'), roles: PAGE_ROLES.reportIncapacity },
    { to: '/dashboard', label: t('nav.dashboard'), roles: PAGE_ROLES.dashboard },
    { to: '/audit', label: t('nav.audit'), roles: PAGE_ROLES.audit },
  ].filter((link) => auth.has(...link.roles));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <Anchor href="#main" className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.mainNavigation')} />
            <Title order={1} size="h4">
              {t('app.title')}
            </Title>
          </Group>
          <Group wrap="nowrap">
            <LanguageSwitch />
            <Text size="sm" visibleFrom="md" data-testid="signed-in-as">
              {t('app.signedInAs', { name: auth.name, id: auth.me.id })}
            </Text>
            <Button variant="default" size="compact-sm" onClick={() => void auth.signOut()}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.mainNavigation')}>
        <Stack gap={2}>
          {links.map((link) => (
            <NavLink key={link.to} component={RouterNavLink} to={link.to} end label={link.label} onClick={close} />
          ))}
        </Stack>
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          {t('app.roles', { roles: auth.me.roles.map((role) => t(`roles.${role}`)).join(', ') })}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} ref={main} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
