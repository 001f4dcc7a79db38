/** The studio's sections, in the order they appear in the navigation. Labels are `shell:nav.<key>`. */
export const sections = [
  { path: '/campaigns', key: 'campaigns' },
  { path: '/calendar', key: 'calendar' },
  { path: '/brands', key: 'brands' },
  { path: '/creators', key: 'creators' },
  { path: '/products', key: 'products' },
  { path: '/shows', key: 'shows' },
  { path: '/live', key: 'live' },
  { path: '/reports', key: 'reports' },
  { path: '/settings', key: 'settings' },
] as const;
