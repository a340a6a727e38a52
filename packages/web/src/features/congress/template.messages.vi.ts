import { PREPARATION_SUBMISSION_LABELS_VI } from '@daihoi/core';

/** The upper committee's preparation template: its steps, the draft, publication to the subtree (`congressTemplate.*`). */
export const congressTemplateVi = {
  title: 'Mẫu các bước chuẩn bị đại hội',
  tab: 'Mẫu các bước chuẩn bị',
  intro:
    'Các bước chuẩn bị đại hội mà kế hoạch của các tổ chức trực thuộc nhận khi được ban hành: mỗi bước có bộ phận thực hiện và thời hạn tính từ ngày đại hội.',
  loadFailed: 'Không tải được mẫu các bước chuẩn bị đại hội.',
  followed: 'Các tổ chức trực thuộc đang theo: {{name}}',
  origin: {
    shipped: 'Mẫu chung theo {{directive}}',
    published: 'Mẫu của {{organization}}, công bố ngày {{date}}',
  },
  ownPlanFollows: 'Kế hoạch đại hội của chính {{organization}} theo mẫu của cấp trên: {{origin}}.',
  sourceDocumentLine: 'Căn cứ: {{source}}',
  readOnly:
    'Bạn xem được mẫu này; mẫu riêng của {{organization}} do cấp ủy, văn phòng cấp ủy soạn và công bố.',
  stepsCount: '{{count}} bước',
  views: {
    label: 'Xem',
    draft: 'Bản nháp',
    followed: 'Mẫu đang áp dụng',
  },
  actions: {
    start: 'Soạn mẫu riêng',
    edit: 'Sửa mẫu riêng',
    continue: 'Tiếp tục soạn bản nháp',
    withdraw: 'Bỏ mẫu riêng',
    save: 'Lưu bản nháp',
    publish: 'Công bố',
    discardDraft: 'Xóa bản nháp',
    undo: 'Hoàn tác thay đổi',
    cancel: 'Bỏ phần đang soạn',
    addStep: 'Thêm bước',
    moveUp: 'Chuyển bước {{n}} lên',
    moveDown: 'Chuyển bước {{n}} xuống',
    remove: 'Xóa bước {{n}}',
  },
  versionTag: 'Phiên bản {{version}}',
  notSavedTag: 'Chưa lưu',
  newDraftHint:
    'Bản nháp bắt đầu từ các bước đang áp dụng. Sửa, thêm, sắp xếp các bước rồi lưu; các tổ chức trực thuộc chỉ nhận mẫu khi được công bố.',
  fields: {
    nameVi: 'Tên mẫu',
    sourceDocument: 'Văn bản căn cứ',
    example: 'Ngày đại hội ví dụ',
  },
  hints: {
    sourceDocument: 'Không bắt buộc: văn bản của cấp ủy quy định các bước.',
    example:
      'Để xem trước thời hạn của từng bước; ngày nghỉ, ngày làm việc theo lịch chung của Nhà nước và các điều chỉnh của quản trị hệ thống.',
  },
  placeholders: {
    nameVi: 'Ví dụ: Các bước chuẩn bị đại hội cơ sở nhiệm kỳ 2020–2025',
    sourceDocument: 'Ví dụ: Kế hoạch 165-KH/ĐUK ngày 31/10/2019',
    title: 'Tên bước',
    note: 'Ghi chú (không bắt buộc)',
    owner: 'Chọn bộ phận',
    submission: 'Không trình',
  },
  defaultName: 'Các bước chuẩn bị đại hội của {{organization}}',
  columns: {
    index: 'TT',
    step: 'Bước',
    title: 'Tên bước',
    note: 'Ghi chú',
    owner: 'Bộ phận thực hiện',
    offset: 'Thời hạn',
    amount: 'Số ngày',
    unit: 'Đơn vị',
    direction: 'Trước hay sau',
    submission: 'Trình cấp trên',
    due: 'Hạn (ví dụ)',
  },
  step: 'Bước {{n}}',
  units: {
    days: 'ngày',
    workingDays: 'ngày làm việc',
  },
  directions: {
    before: 'trước ngày đại hội',
    after: 'sau ngày đại hội',
  },
  offsetText: '{{n}} {{unit}} {{direction}}',
  onCongressDate: 'Đúng ngày đại hội',
  noDue: 'Chưa tính được',
  calendarFailed:
    'Không tải được các điều chỉnh lịch ngày nghỉ; hạn ví dụ tạm tính theo lịch chung của Nhà nước.',
  submissions: {
    plan: PREPARATION_SUBMISSION_LABELS_VI.plan,
    congress_date: PREPARATION_SUBMISSION_LABELS_VI.congress_date,
    budget: PREPARATION_SUBMISSION_LABELS_VI.budget,
    personnel: PREPARATION_SUBMISSION_LABELS_VI.personnel,
    results: PREPARATION_SUBMISSION_LABELS_VI.results,
  },
  submissionLine: 'Trình cấp trên: {{kind}}',
  marks: {
    source: 'Theo {{source}}',
    unverified: 'thông lệ, cần kiểm tra',
    unverifiedHint:
      'mốc theo thông lệ chuẩn bị đại hội, không phải quy định; cấp ủy kiểm tra và điều chỉnh theo kế hoạch của mình và của cấp trên.',
    congress: 'Mốc tính các thời hạn',
    required: 'Bước bắt buộc của mẫu, không xóa được.',
  },
  unsaved: 'Có thay đổi chưa lưu.',
  saved: 'Đã lưu bản nháp. Các tổ chức trực thuộc chưa nhận thay đổi cho đến khi mẫu được công bố.',
  fix: 'Có {{count}} chỗ chưa hợp lệ (đánh dấu đỏ); hãy sửa rồi lưu lại.',
  fixAt: 'Có {{count}} chỗ chưa hợp lệ (đánh dấu đỏ) ở bước {{steps}}; hãy sửa rồi lưu lại.',
  publishNeedsSave: 'Lưu bản nháp trước khi công bố.',
  publishNeedsFix: 'Sửa các chỗ đánh dấu đỏ trước khi công bố.',
  publishConfirm: {
    title: 'Công bố mẫu «{{name}}»?',
    plans:
      'Kế hoạch đại hội mà các tổ chức thuộc {{organization}} ban hành từ nay sẽ nhận các bước của mẫu này (trừ nơi cấp dưới có mẫu riêng đã công bố).',
    adopted: 'Kế hoạch đã ban hành trước đó giữ nguyên các công việc của mình.',
    apply: 'Áp dụng cho các kế hoạch đã lập (chưa tiến hành đại hội)',
    applyHint:
      'Công việc đã hoàn thành giữ nguyên; công việc chưa xong nhận tên, bộ phận thực hiện và thời hạn theo mẫu mới, bước còn thiếu được thêm vào, công việc chưa xong của bước bị bỏ khỏi mẫu chuyển sang «Không thực hiện» kèm lý do.',
    notified: 'Cấp ủy và văn phòng của {{count}} tổ chức trực thuộc trực tiếp nhận thông báo.',
  },
  published: 'Đã công bố mẫu «{{name}}» cho các tổ chức thuộc {{organization}}.',
  applied: {
    summary: 'Đã cập nhật {{plans}} kế hoạch: thêm {{added}} công việc, sửa {{changed}}, bỏ {{skipped}}.',
    none: 'Không có kế hoạch đã lập nào (chưa tiến hành đại hội) theo mẫu này; không kế hoạch nào thay đổi.',
    hint: 'Công việc đã hoàn thành giữ nguyên; công việc bị bỏ được ghi «Không thực hiện» kèm lý do.',
    link: 'Xem các kế hoạch đại hội',
  },
  discardConfirm: {
    title: 'Xóa bản nháp?',
    content: 'Bản nháp đã lưu bị xóa; mẫu đang áp dụng không thay đổi.',
  },
  discarded: 'Đã xóa bản nháp.',
  undoConfirm: {
    title: 'Hoàn tác thay đổi?',
    content: 'Những gì đã sửa từ lần lưu gần nhất sẽ mất; bản nháp trở lại như lúc lưu.',
  },
  cancelConfirm: {
    title: 'Bỏ phần đang soạn?',
    content: 'Bản nháp này chưa được lưu; những gì đã nhập sẽ mất.',
  },
  withdrawConfirm: {
    title: 'Bỏ mẫu riêng của {{organization}}?',
    content:
      'Các tổ chức trực thuộc sẽ theo {{origin}}. Bản nháp (nếu có) cũng bị xóa. Kế hoạch đã ban hành giữ nguyên các công việc của mình.',
  },
  withdrawn: 'Đã bỏ mẫu riêng; các tổ chức trực thuộc theo {{origin}}.',
  removeConfirm: 'Xóa bước «{{title}}»?',
  removeHint: 'Bước bị xóa khỏi bản nháp; lưu bản nháp để ghi nhận.',
  untitled: 'bước chưa có tên',
  conflict: {
    title: 'Mẫu vừa được thay đổi ở nơi khác.',
    content:
      'Tải phiên bản hiện hành: những gì bạn đang soạn vẫn giữ nguyên; bấm «Hoàn tác thay đổi» nếu muốn xem phiên bản đó.',
    reload: 'Tải phiên bản hiện hành',
  },
  reloaded: 'Đã tải phiên bản hiện hành. Lưu bản nháp để thay phiên bản đó bằng những gì bạn đang soạn.',
  restored: 'Đã khôi phục phần soạn chưa lưu lúc {{time}} trên máy này.',
  restoredDiscard: 'Bỏ phần khôi phục',
  planFollows: 'Các bước theo: {{name}}',
};
