/**
 * Providers and routes. Hash routing: the renderer is served from app://studio/index.html in Electron and
 * from the host in a browser, and neither needs server-side route fallbacks.
 */
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { CampaignsPage } from '../features/campaigns/CampaignsPage';
import { CreatorsPage } from '../features/creators/CreatorsPage';
import { LivePage } from '../features/live/LivePage';
import { ProductsPage } from '../features/products/ProductsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ShowEditorPage } from '../features/shows/ShowEditorPage';
import { ShowsPage } from '../features/shows/ShowsPage';
import { StudioShell } from './StudioShell';
import { colorSchemeManager, theme } from './theme';

const router = createHashRouter([
  {
    path: '/',
    element: <StudioShell />,
    children: [
      { index: true, element: <Navigate to="/campaigns" replace /> },
      { path: 'campaigns', element: <CampaignsPage /> },
      { path: 'calendar', element: <CalendarPage /> },
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
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <RouterProvider router={router} />
    </MantineProvider>
  );
}
