/**
 * Providers and routes. Hash routing: the renderer is served from app://studio/index.html in Electron and
 * from the host in a browser, and neither needs server-side route fallbacks.
 */
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/zh-cn';
import { Notifications } from '@mantine/notifications';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { StudioShell } from './StudioShell';
import { colorSchemeManager, theme } from './theme';

// Editors load on first visit: the first screen needs only the shell and the landing section.
const ProductsPage = lazy(() => import('../features/products/ProductsPage').then((m) => ({ default: m.ProductsPage })));
const ShowsPage = lazy(() => import('../features/shows/ShowsPage').then((m) => ({ default: m.ShowsPage })));
const ShowEditorPage = lazy(() => import('../features/shows/ShowEditorPage').then((m) => ({ default: m.ShowEditorPage })));
const LivePage = lazy(() => import('../features/live/LivePage').then((m) => ({ default: m.LivePage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const CreatorsPage = lazy(() => import('../features/creators/CreatorsPage').then((m) => ({ default: m.CreatorsPage })));
const BrandsPage = lazy(() => import('../features/brands/BrandsPage').then((m) => ({ default: m.BrandsPage })));
const CampaignDetailPage = lazy(() => import('../features/campaigns/CampaignDetailPage').then((m) => ({ default: m.CampaignDetailPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

const router = createHashRouter([
  {
    path: '/',
    element: <StudioShell />,
    children: [
      { index: true, element: <Navigate to="/campaigns" replace /> },
      { path: 'campaigns', element: <CampaignsPage /> },
      { path: 'campaigns/:campaignId', element: <CampaignDetailPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'brands', element: <BrandsPage /> },
      { path: 'creators', element: <CreatorsPage /> },
      { path: 'products', element: <ProductsPage /> },
      { path: 'shows', element: <ShowsPage /> },
      { path: 'shows/:showId', element: <ShowEditorPage /> },
      { path: 'live', element: <LivePage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/campaigns" replace /> },
    ],
  },
]);

export function App() {
  // Subscribing here re-renders the tree when the language changes (date pickers follow it too).
  const { i18n } = useTranslation();
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <DatesProvider settings={{ locale: i18n.resolvedLanguage === 'zh-CN' ? 'zh-cn' : 'en' }}>
        <Notifications position="top-right" />
        <RouterProvider router={router} />
      </DatesProvider>
    </MantineProvider>
  );
}
