// Every feature folder's feature.tsx, found by Vite at build time: a resource written by
// `make resource` brings its routes and its navigation link without a line here.
import type { ReactElement } from 'react';

export interface Feature {
  /** The navigation link's text and address. */
  label: string;
  path: string;
  /** Where the link sits: lower first; features without one follow, by label. */
  order?: number;
  /** The feature's screens: <Route> elements, shown inside the signed-in layout. */
  routes: ReactElement;
}

const modules = import.meta.glob<{ feature: Feature }>('./*/feature.tsx', { eager: true });

export const FEATURES: Feature[] = Object.values(modules)
  .map((module) => module.feature)
  .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.label.localeCompare(b.label));

/** Where signing in leads: the first feature, or the home page ("/") when there is none. */
export const START_PATH = startPath(FEATURES);

export function startPath(features: Feature[]): string {
  return features[0]?.path ?? '/';
}
