/** The upper committee's preparation template: its steps, the draft, publication to the subtree (`congressTemplate.*`). */
export const congressTemplateVi = {
  title: 'Mẫu các bước chuẩn bị đại hội',
};
