/** The committee's congress setup: subcommittees of a plan, the narrowing of the rules for the subtree, the preparation template and the administrator's calendar of days off (`congressSetup.*`). */
export const congressSetupVi = {
  title: 'Thiết lập đại hội',
};
