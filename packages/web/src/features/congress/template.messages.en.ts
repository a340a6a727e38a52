import type { congressTemplateVi } from './template.messages.vi';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** The upper committee's preparation template: its steps, the draft, publication to the subtree (`congressTemplate.*`). */
export const congressTemplateEn: Catalog<typeof congressTemplateVi> = {
  title: 'Congress preparation template',
};
