import type { congressSetupVi } from './setup.messages.vi';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** The committee's congress setup: subcommittees of a plan, the narrowing of the rules for the subtree, the preparation template and the administrator's calendar of days off (`congressSetup.*`). */
export const congressSetupEn: Catalog<typeof congressSetupVi> = {
  title: 'Congress setup',
  subtitle:
    'What an upper committee sets for the organizations below it while they prepare their congresses, per rule set.',
  nav: { setup: 'Congress setup', calendar: 'Calendar of days off' },
  organization: 'Party organization (the committee setting the rules)',
  ruleSet: 'Rule set',
  ruleSetOption: '{{name}} — term {{term}}',
  noOrganization: 'You hold no role at any organization; choose an organization.',
  organizationFailed: 'The organization chosen could not be loaded.',
  tabs: { rules: 'Our own deadlines' },
  rules: {
    intro:
      'A committee may set tighter deadlines than the directive for the organizations below it (a later first day, an earlier deadline, a shorter congress), citing its own plan; never looser than the directive or a committee above. The congress plans below are checked against these deadlines.',
    readOnly:
      'Read only: the office or the secretary of {{organization}}, or of a committee above it, may change these deadlines.',
    loadFailed: 'The congress deadlines could not be loaded.',
    noLevelsBelow: 'This organization has no level below it to set deadlines for.',
    unverified: 'Not verified',
    source: 'Per {{source}}',
    directivePrefix: 'Directive:',
    abovePrefix: 'Committee above:',
    ownPrefix: 'Set by this committee',
    noDirectiveRule: 'The directive sets none',
    notNarrowed: 'Not set here',
    ownOf: '{{rule}} this committee sets for {{level}}',
    columns: {
      binding: 'Set by the directive, the committee above',
      own: 'Set by this committee for those below',
    },
    ownSource: 'This committee’s source: {{source}}.',
    overruled:
      'A committee above has since set a stricter rule than part of this committee’s; that part no longer applies, the stricter rule does:',
    noDayLeft:
      'This leaves no day for the congress ({{level}}): the earliest opening is {{first}} but the deadline is {{last}}.',
    fields: {
      earliestStart: 'Earliest opening',
      deadline: 'Deadline (last day of the congress)',
      maxDurationDays: 'Longest congress',
      sourceDocument: 'Document setting them',
      sourceDate: 'Date of the document',
    },
    hints: {
      sourceDocument:
        'The committee’s plan or guidance that sets these deadlines, with its type, number and symbol.',
    },
    placeholders: { sourceDocument: 'For example: Kế hoạch 165-KH/ĐUK' },
    unsaved: 'Unsaved changes.',
    discard: 'Discard changes',
    save: 'Save the deadlines',
    saved: 'The congress deadlines of {{organization}} were saved.',
    conflict:
      'Someone else has just changed these deadlines. Load the latest version; what you are typing is kept so you can check it and save again.',
  },
  subcommittees: {
    tab: 'Subcommittees',
    title: 'The congress subcommittees',
    add: 'Add a subcommittee',
    formStandard: 'Form the three subcommittees',
    formMissing: 'Form the {{count}} missing subcommittee(s)',
    standardFormed: '{{count}} subcommittee(s) formed; now add the members of each.',
    empty: 'The plan has no subcommittee yet.',
    emptyHint:
      'The plan has no subcommittee yet. Press “Form the three subcommittees” to form the documents, personnel and logistics subcommittees, then add the members of each.',
    kinds: {
      documents: 'Documents subcommittee',
      personnel: 'Personnel subcommittee',
      logistics: 'Logistics subcommittee',
      other: 'Other subcommittee',
    },
    roles: { head: 'Head', deputy: 'Deputy head', member: 'Member' },
    members: 'Members of the subcommittee',
    count: 'Members: {{count}}',
    noMembers: 'No member yet.',
    columns: { index: 'No.', name: 'Full name', role: 'Role', duties: 'Duties' },
    fields: { kind: 'Kind', name: 'Name', duties: 'Duties' },
    hints: {
      name: 'Left empty: “{{name}}”.',
      addMember:
        'Current members of {{organization}} or of the organizations below it; type the name, with or without diacritics.',
    },
    dutiesPlaceholder: {
      documents:
        'For example: drafting the political report and the committee’s self-review report; gathering the comments.',
      personnel:
        'For example: the personnel plan of the committee and of the delegation to the congress above.',
      logistics: 'For example: hall, decoration, publicity, catering and medical care for the congress.',
      other: 'The duties the committee assigns.',
    },
    addMember: 'Add a member',
    alreadyIn: 'This member is already in the subcommittee.',
    roleOf: 'Role of {{name}}',
    dutiesOf: 'Duties of {{name}}',
    memberDuties: 'Duties (optional)',
    removeMember: 'Remove {{name}} from the subcommittee',
    addTitle: 'Form a subcommittee',
    editTitle: 'Edit {{name}}',
    editOf: 'Edit {{name}}',
    deleteOf: 'Delete {{name}}',
    deleteConfirm: 'Delete {{name}}?',
    deleteHint: 'Its members and their duties are deleted with it.',
    created: '{{name}} was formed.',
    saved: 'The subcommittee was saved.',
    deleted: '{{name}} was deleted.',
    gone: 'Someone else has just deleted this subcommittee.',
    conflict:
      'Someone else has just changed this subcommittee. Load the latest version; what you are typing is kept so you can check it and save again.',
  },
  calendar: {
    title: 'Calendar of days off',
    subtitle:
      'Public holidays, Tết, compensatory days off and weekends worked in exchange, for offices on the five-day week. The congress preparation deadlines are counted in working days on this calendar.',
    year: 'Year',
    readOnly: 'The administrator keeps this calendar; you can read it.',
    loadFailed: 'The calendar of days off could not be loaded.',
    provisional: '{{year}} is not decided yet: the days off are provisional, from the Labour Code.',
    counts:
      '{{daysOff}} weekdays off, {{workingWeekends}} weekend days worked in exchange, {{edits}} days corrected.',
    add: 'Correct a day',
    sources: 'Sources',
    sourceDate: 'dated {{date}}',
    month: 'Month {{month}}/{{year}}',
    monthEmpty: 'No public holiday, Tết or weekend worked.',
    weekdays: {
      0: 'Sunday',
      1: 'Monday',
      2: 'Tuesday',
      3: 'Wednesday',
      4: 'Thursday',
      5: 'Friday',
      6: 'Saturday',
    },
    status: { off: 'Day off', working: 'Working day' },
    dayKinds: { holiday: 'Holiday', compensatory: 'Compensatory day off', swapped: 'Swapped day off' },
    shippedOff: '{{kind}}: {{reason}}',
    shippedWorking: 'Worked in exchange: {{reason}}',
    plainWeekday: 'An ordinary working day',
    plainWeekend: 'A weekend day off',
    shippedPrefix: 'Shipped calendar: {{text}}',
    edited: 'Corrected',
    editLine: 'Corrected to: {{kind}}',
    editKinds: {
      day_off: 'A day off',
      working: 'A working day (even on a Saturday or Sunday)',
      plain: 'The ordinary rule: Monday to Friday worked, Saturday and Sunday off',
    },
    fields: { date: 'Date', kind: 'This day is', note: 'Reason, source document' },
    hints: { note: 'For example: Thông báo số …/TB-BNV ngày … on compensatory days off.' },
    addTitle: 'Correct a day of the calendar',
    editTitle: 'Correct {{date}}',
    editOf: 'Correct {{date}}',
    remove: 'Undo the correction',
    removeOf: 'Undo the correction of {{date}}',
    removeConfirm: 'Undo the correction of {{date}} and return to the shipped calendar?',
    saved: '{{date}} was saved.',
    removed: '{{date}} is back to the shipped calendar.',
  },
};
