export * from './accounts/roles.js';
export * from './dates/dates.js';
export * from './members/rules.js';
export * from './organizations/levels.js';
export * from './text/fold.js';
export * from './text/names.js';
