/**
 * Starlight route middleware: each page's sidebar shows only its own edition (the edition in force on pages
 * outside any edition) plus the site-wide resources; the edition switcher leads to the other editions.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { editions, inForce } from 'virtual:doctrine/editions';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const current = /^\/(\d{4})\//.exec(context.url.pathname)?.[1];
  const shown = current && editions.some((e) => e.name === current) ? current : inForce;
  route.sidebar = route.sidebar.filter((entry) => {
    const edition = /^Édition (\d{4})\b/.exec(entry.label)?.[1];
    return edition === undefined || edition === shown;
  });
  for (const entry of route.sidebar) if (entry.type === 'group' && entry.label.startsWith('Édition')) entry.collapsed = false;
  expandCurrent(route.sidebar);
});

type Entry = SidebarEntry;
interface SidebarEntry {
  type: 'link' | 'group';
  isCurrent?: boolean;
  collapsed?: boolean;
  entries?: SidebarEntry[];
}

/** Opens the groups that lead to the current page. */
function expandCurrent(entries: readonly Entry[]): boolean {
  let found = false;
  for (const entry of entries) {
    if (entry.type === 'link' && entry.isCurrent) found = true;
    if (entry.type === 'group' && entry.entries && expandCurrent(entry.entries)) {
      entry.collapsed = false;
      found = true;
    }
  }
  return found;
}
