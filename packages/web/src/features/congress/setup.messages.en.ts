import type { congressSetupVi } from './setup.messages.vi';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** The committee's congress setup: subcommittees of a plan, the narrowing of the rules for the subtree, the preparation template and the administrator's calendar of days off (`congressSetup.*`). */
export const congressSetupEn: Catalog<typeof congressSetupVi> = {
  title: 'Congress setup',
};
