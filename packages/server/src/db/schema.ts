// Every table of the application, for drizzle-kit and the typed client.
export * from '../audit/tables.js';
export * from '../auth/tables.js';
export * from '../imports/tables.js';
export * from '../jobs/tables.js';
export * from '../modules/calendar/tables.js';
export * from '../modules/congress/tables.js';
export * from '../modules/dissemination/tables.js';
export * from '../modules/documents/tables.js';
export * from '../modules/files/tables.js';
export * from '../modules/members/tables.js';
export * from '../modules/notifications/tables.js';
export * from '../modules/organizations/tables.js';
export * from '../modules/users/tables.js';
