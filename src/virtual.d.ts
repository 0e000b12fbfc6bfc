declare module 'virtual:doctrine/editions' {
  export const editions: { name: string; title: string; statut: string; errata: string[] }[];
  export const inForce: string | undefined;
}

/** What the explorer, the socle pages and the printable edition show, by edition name (`src/lib/views.ts`). */
declare module 'virtual:doctrine/views' {
  export const vocabulaires: import('./lib/types.ts').Vocabulaires;
  export const explorer: Record<string, import('./lib/views.ts').ExplorerView>;
  export const socles: Record<string, import('./lib/views.ts').SoclesView>;
  export const print: Record<string, import('./lib/views.ts').PrintView>;
}
declare module 'virtual:doctrine/evolutions' {
  /** Every ordered pair of distinct editions. */
  export const pairs: { from: string; to: string }[];
  /** The changelog of a pair and its labels, by `<from>..<to>`. */
  export const loaders: Record<string, () => Promise<{ default: import('./site/integration.ts').SiteEvolution }>>;
}
