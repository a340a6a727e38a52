import type { congressTemplateVi } from './template.messages.vi';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** The upper committee's preparation template: its steps, the draft, publication to the subtree (`congressTemplate.*`). */
export const congressTemplateEn: Catalog<typeof congressTemplateVi> = {
  title: 'Congress preparation template',
  tab: 'Preparation template',
  intro:
    'The congress preparation steps that the plans of the organizations below receive when adopted: each step with who carries it out and a deadline counted from the congress date.',
  loadFailed: 'Could not load the congress preparation template.',
  followed: 'The organizations below follow: {{name}}',
  origin: {
    shipped: 'Standard template under {{directive}}',
    published: 'Template of {{organization}}, published on {{date}}',
  },
  ownPlanFollows: "{{organization}}'s own congress plan follows the template from above: {{origin}}.",
  sourceDocumentLine: 'Based on: {{source}}',
  readOnly:
    "You may read this template; {{organization}}'s own template is drafted and published by its committee and office.",
  stepsCount: '{{count}} step(s)',
  views: {
    label: 'Show',
    draft: 'Draft',
    followed: 'Template in force',
  },
  actions: {
    start: 'Draft an own template',
    edit: 'Edit the own template',
    continue: 'Continue the draft',
    withdraw: 'Give up the own template',
    save: 'Save draft',
    publish: 'Publish',
    discardDraft: 'Delete draft',
    undo: 'Undo changes',
    cancel: 'Discard what was typed',
    addStep: 'Add a step',
    moveUp: 'Move step {{n}} up',
    moveDown: 'Move step {{n}} down',
    remove: 'Remove step {{n}}',
  },
  versionTag: 'Version {{version}}',
  notSavedTag: 'Not saved',
  newDraftHint:
    'The draft starts from the steps in force. Edit, add and reorder the steps, then save; the organizations below receive the template only once it is published.',
  fields: {
    nameVi: 'Template name',
    sourceDocument: 'Source document',
    example: 'Example congress date',
  },
  hints: {
    sourceDocument: "Optional: the committee's document that sets the steps.",
    example:
      "To preview each step's deadline; days off and working days follow the state calendar with the administrator's corrections.",
  },
  placeholders: {
    nameVi: 'E.g. Preparation of the grassroots congresses, term 2020–2025',
    sourceDocument: 'E.g. Kế hoạch 165-KH/ĐUK of 31/10/2019',
    title: 'Step title',
    note: 'Note (optional)',
    owner: 'Choose who',
    submission: 'Nothing submitted',
  },
  defaultName: 'Congress preparation steps of {{organization}}',
  columns: {
    index: 'No.',
    step: 'Step',
    title: 'Step title',
    note: 'Note',
    owner: 'Carried out by',
    offset: 'Deadline',
    amount: 'Days',
    unit: 'Unit',
    direction: 'Before or after',
    submission: 'Submitted above',
    due: 'Due (example)',
  },
  step: 'Step {{n}}',
  units: {
    days: 'day(s)',
    workingDays: 'working day(s)',
  },
  directions: {
    before: 'before the congress',
    after: 'after the congress',
  },
  offsetText: '{{n}} {{unit}} {{direction}}',
  onCongressDate: 'On the congress date',
  noDue: 'Cannot be computed yet',
  calendarFailed:
    "The administrator's corrections of days off could not be loaded; example due dates follow the state calendar for now.",
  submissions: {
    plan: 'Congress plan',
    congress_date: 'Number of delegates and congress dates',
    budget: 'Congress budget estimate',
    personnel: 'Personnel plan',
    results: 'Congress and election results',
  },
  submissionLine: 'Submitted above: {{kind}}',
  marks: {
    source: 'Under {{source}}',
    unverified: 'practice, to be checked',
    unverifiedHint:
      "a deadline from the usual practice of congress preparation, not a rule; the committee checks it and adjusts it to its own and the upper committee's plans.",
    congress: 'Deadlines count from here',
    required: 'A required step of the template; it cannot be removed.',
  },
  unsaved: 'There are unsaved changes.',
  saved: 'Draft saved. The organizations below see no change until the template is published.',
  fix: '{{count}} place(s) are not valid (marked red); correct them and save again.',
  fixAt: '{{count}} place(s) are not valid (marked red) in step(s) {{steps}}; correct them and save again.',
  publishNeedsSave: 'Save the draft before publishing.',
  publishNeedsFix: 'Correct the places marked red before publishing.',
  publishConfirm: {
    title: 'Publish the template «{{name}}»?',
    plans:
      'Congress plans adopted from now on by the organizations of {{organization}} receive the steps of this template (except where an organization below has published its own).',
    adopted: 'Plans adopted before keep their tasks.',
    apply: 'Apply to the plans already adopted (congress not yet held)',
    applyHint:
      'Done tasks stay as they are; open tasks take the new title, owner and deadline, missing steps are added, and open tasks of steps dropped from the template become «Skipped» with the reason.',
    notified: 'The committees and offices of the {{count}} organization(s) directly below are notified.',
  },
  published: 'Template «{{name}}» published for the organizations of {{organization}}.',
  applied: {
    summary: 'Updated {{plans}} plan(s): {{added}} task(s) added, {{changed}} changed, {{skipped}} skipped.',
    none: 'No adopted plan (congress not yet held) follows this template; no plan changed.',
    hint: 'Done tasks stay as they are; skipped tasks are marked «Skipped» with the reason.',
    link: 'See the congress plans',
  },
  discardConfirm: {
    title: 'Delete the draft?',
    content: 'The saved draft is deleted; the template in force does not change.',
  },
  discarded: 'Draft deleted.',
  undoConfirm: {
    title: 'Undo the changes?',
    content: 'What was changed since the last save is lost; the draft returns to how it was saved.',
  },
  cancelConfirm: {
    title: 'Discard what was typed?',
    content: 'This draft has not been saved; what was typed is lost.',
  },
  withdrawConfirm: {
    title: 'Give up the own template of {{organization}}?',
    content:
      'The organizations below will follow {{origin}}. The draft, if any, is deleted as well. Plans already adopted keep their tasks.',
  },
  withdrawn: 'Own template given up; the organizations below follow {{origin}}.',
  removeConfirm: 'Remove the step «{{title}}»?',
  removeHint: 'The step is removed from the draft; save the draft to keep the change.',
  untitled: 'untitled step',
  conflict: {
    title: 'The template was just changed elsewhere.',
    content: 'Load the current version: what you are typing stays; press «Undo changes» to see that version.',
    reload: 'Load the current version',
  },
  reloaded: 'Current version loaded. Save the draft to replace that version with what you are typing.',
  restored: 'Unsaved typing from {{time}} on this computer was restored.',
  restoredDiscard: 'Discard the restored typing',
  planFollows: 'Steps from: {{name}}',
};
