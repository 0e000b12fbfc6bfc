declare module 'virtual:doctrine/editions' {
  export const editions: { name: string; title: string; statut: string; errata: string[] }[];
  export const inForce: string | undefined;
}
