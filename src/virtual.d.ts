declare module 'virtual:doctrine/editions' {
  export const editions: { name: string; title: string; statut: string }[];
  export const inForce: string | undefined;
}

declare module 'virtual:doctrine/evolutions' {
  /** Every ordered pair of distinct editions. */
  export const pairs: { from: string; to: string }[];
  /** The changelog of a pair and its labels, by `<from>..<to>`. */
  export const loaders: Record<string, () => Promise<{ default: import('./site/integration.ts').SiteEvolution }>>;
}
