/** The studio's sections, in the order they appear in the navigation. */
export const sections = [
  { path: '/campaigns', label: 'Campaigns' },
  { path: '/calendar', label: 'Calendar' },
  { path: '/creators', label: 'Creators' },
  { path: '/products', label: 'Products' },
  { path: '/shows', label: 'Shows' },
  { path: '/live', label: 'Live' },
  { path: '/reports', label: 'Reports' },
  { path: '/settings', label: 'Settings' },
] as const;
