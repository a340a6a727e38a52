import { MEMBER_ERROR_MESSAGES_VI } from '@daihoi/core';

/** Every refusal the API gives, with the Vietnamese a user reads. One place, so wording stays consistent. */
export const MESSAGES = {
  VALIDATION_FAILED: 'Dữ liệu gửi lên không hợp lệ.',
  INVALID_JSON: 'Nội dung gửi lên không phải JSON hợp lệ.',
  BODY_TOO_LARGE: 'Nội dung gửi lên quá lớn.',
  UNSUPPORTED_MEDIA_TYPE: 'Kiểu nội dung không được hỗ trợ; hãy gửi JSON.',
  UNAUTHENTICATED: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn.',
  INVALID_CREDENTIALS: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  TOO_MANY_ATTEMPTS: 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi ít phút rồi thử lại.',
  CSRF_INVALID: 'Yêu cầu thiếu mã chống giả mạo (CSRF) hợp lệ. Hãy tải lại trang rồi thử lại.',
  FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
  PASSWORD_CHANGE_REQUIRED: 'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục.',
  NOT_FOUND: 'Không tìm thấy địa chỉ yêu cầu.',
  CONFLICT: 'Dữ liệu vừa được người khác ghi cùng lúc. Hãy tải lại rồi thử lại.',
  URL_INVALID: 'Địa chỉ yêu cầu không hợp lệ.',
  VERSION_CONFLICT: 'Dữ liệu đã được người khác thay đổi. Hãy tải lại để xem bản mới nhất rồi sửa lại.',
  INVALID_CURSOR: 'Tham số phân trang (cursor) không hợp lệ.',
  ORG_NOT_FOUND: 'Không tìm thấy tổ chức đảng, hoặc bạn không có quyền xem tổ chức này.',
  ORG_PARENT_NOT_FOUND: 'Không tìm thấy tổ chức cấp trên, hoặc bạn không có quyền với tổ chức đó.',
  ORG_CODE_TAKEN: 'Mã tổ chức đã được dùng cho một tổ chức khác.',
  ORG_LEVEL_NOT_ALLOWED: 'Cấp của tổ chức không phù hợp với tổ chức cấp trên.',
  ORG_KIND_NOT_ALLOWED: 'Loại hình tổ chức không phù hợp với cấp đã chọn.',
  ORG_ROOT_ADMIN_ONLY: 'Chỉ quản trị hệ thống mới được tạo tổ chức cấp cao nhất.',
  ORG_MOVE_CYCLE: 'Không thể chuyển một tổ chức vào chính nó hoặc vào tổ chức trực thuộc của nó.',
  ORG_PARENT_ARCHIVED: 'Tổ chức cấp trên đã được lưu trữ.',
  ORG_HAS_ACTIVE_CHILDREN: 'Còn tổ chức trực thuộc chưa lưu trữ; hãy lưu trữ hoặc chuyển chúng trước.',
  ORG_ARCHIVED: 'Tổ chức đã được lưu trữ; hãy bỏ lưu trữ trước khi thay đổi.',
  TERM_NOT_FOUND: 'Không tìm thấy nhiệm kỳ.',
  TERM_NAME_TAKEN: 'Tổ chức đã có nhiệm kỳ cùng tên.',
  TERM_DATES_INVALID: 'Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu.',
  TERM_OVERLAP: 'Nhiệm kỳ bị trùng thời gian với một nhiệm kỳ khác của tổ chức.',
  USER_NOT_FOUND: 'Không tìm thấy tài khoản.',
  USERNAME_TAKEN: 'Tên đăng nhập đã được dùng.',
  USERNAME_INVALID:
    'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang (3–64 ký tự).',
  PASSWORD_TOO_SHORT: 'Mật khẩu phải có ít nhất 8 ký tự.',
  PASSWORD_TOO_LONG: 'Mật khẩu quá dài (tối đa 200 ký tự).',
  PASSWORD_WRONG: 'Mật khẩu hiện tại không đúng.',
  PASSWORD_SAME: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  ROLE_ORG_REQUIRED: 'Vai trò này cần gắn với một tổ chức đảng.',
  ROLE_ORG_NOT_ALLOWED: 'Vai trò quản trị hệ thống không gắn với tổ chức.',
  ROLE_DUPLICATE: 'Một vai trò trên cùng tổ chức bị lặp lại.',
  USER_SELF_LOCKOUT: 'Bạn không thể tự khóa tài khoản hoặc bỏ quyền quản trị của chính mình.',
  LAST_ADMIN: 'Hệ thống phải còn ít nhất một quản trị viên đang hoạt động.',
  FILE_NOT_FOUND: 'Không tìm thấy tệp, hoặc bạn không có quyền xem tệp này.',
  FILE_REQUIRED: 'Chưa có tệp nào được gửi lên; hãy chọn một tệp.',
  FILE_ONE_ONLY: 'Mỗi lần chỉ tải lên được một tệp.',
  FILE_EMPTY: 'Tệp rỗng (0 byte); hãy kiểm tra lại tệp đã chọn.',
  FILE_TOO_LARGE: 'Tệp vượt quá dung lượng cho phép.',
  FILE_NAME_INVALID:
    'Tên tệp không hợp lệ: tên không được chứa đường dẫn (dấu / hoặc \\), ký tự điều khiển, và dài tối đa 200 ký tự.',
  FILE_TYPE_UNSUPPORTED: 'Chỉ nhận tệp PDF, Word (.docx), Excel (.xlsx) hoặc ảnh PNG, JPEG.',
  FILE_TYPE_MISMATCH:
    'Nội dung tệp không đúng với phần mở rộng trong tên tệp (ví dụ tệp tên .pdf nhưng thực chất là ảnh); hãy kiểm tra lại tệp.',
  FILE_NOT_MULTIPART: 'Tệp phải được gửi dưới dạng multipart/form-data.',
  FILE_UPLOAD_INCOMPLETE: 'Tệp chưa được gửi lên trọn vẹn; vui lòng thử lại.',
  FILE_ENTITY_INVALID: 'Không thể đính kèm tệp vào hồ sơ này khi tải lên.',
  FILE_ATTACH_INVALID: 'Có tệp không tồn tại, thuộc tổ chức khác hoặc đã được đính kèm vào hồ sơ khác.',
  NOTIFICATION_NOT_FOUND: 'Không tìm thấy thông báo.',
  BACKUP_NOT_FOUND: 'Không tìm thấy bản sao lưu.',
  BACKUP_FILE_UNREADABLE: 'Không đọc được tệp sao lưu: tệp không tồn tại hoặc không có quyền đọc.',
  BACKUP_CORRUPT:
    'Tệp sao lưu bị hỏng hoặc không phải tệp sao lưu của DaiHoi, nên không thể khôi phục. Dữ liệu hiện tại được giữ nguyên.',
  BACKUP_TRUNCATED:
    'Tệp sao lưu không trọn vẹn (bị cắt cụt, có thể do chép dở hoặc đầy ổ đĩa), nên không thể khôi phục. Dữ liệu hiện tại được giữ nguyên.',
  BACKUP_SCHEMA_NEWER:
    'Tệp sao lưu được tạo bởi một phiên bản DaiHoi mới hơn phiên bản đang chạy. Hãy cập nhật DaiHoi rồi khôi phục lại; dữ liệu hiện tại được giữ nguyên.',
  BACKUP_INCOMPATIBLE:
    'Tệp sao lưu có bảng hoặc cột mà phiên bản DaiHoi này không có, nên không thể khôi phục. Dữ liệu hiện tại được giữ nguyên.',
  RESTORE_IN_PROGRESS:
    'Đang có một lần khôi phục dữ liệu khác chạy. Hãy đợi lần đó xong rồi thử lại; dữ liệu hiện tại được giữ nguyên.',
  // Member records: the checks of the rule set speak the rule set's words.
  ...MEMBER_ERROR_MESSAGES_VI,
  MEMBER_NOT_FOUND: 'Không tìm thấy đảng viên, hoặc bạn không có quyền xem hồ sơ này.',
  MEMBER_CARD_TAKEN: 'Số thẻ đảng viên này đã có trong hồ sơ của một đảng viên khác.',
  MEMBER_STATUS_VIA_TRANSFER:
    'Tình trạng "đã chuyển sinh hoạt ra ngoài" chỉ được ghi khi làm thủ tục chuyển sinh hoạt đảng.',
  MEMBER_NOT_ACTIVE: 'Chỉ chuyển sinh hoạt được cho đảng viên đang sinh hoạt (dự bị hoặc chính thức).',
  MEMBER_ACCOUNT_TAKEN: 'Hồ sơ đảng viên này đã được gắn với một tài khoản khác.',
  MEMBER_ORG_ARCHIVED: 'Tổ chức đảng đã được lưu trữ, không nhận thêm đảng viên.',
  TRANSFER_TARGET_REQUIRED:
    'Hãy chọn đúng một nơi chuyển đến: một tổ chức đảng trong hệ thống, hoặc ghi nơi chuyển đến ngoài hệ thống.',
  TRANSFER_TARGET_NOT_FOUND: 'Không tìm thấy tổ chức đảng chuyển đến.',
  TRANSFER_SAME_ORGANIZATION: 'Đảng viên đang sinh hoạt tại chính tổ chức này.',
  TRANSFER_DATE_INVALID:
    'Ngày chuyển sinh hoạt không được trước ngày đảng viên bắt đầu sinh hoạt tại tổ chức hiện tại.',
  TRANSFER_PENDING_EXISTS: 'Đảng viên đang có một lần chuyển sinh hoạt chờ đến ngày thực hiện.',
  COMMITTEE_SEAT_NOT_FOUND: 'Không tìm thấy vị trí trong cấp ủy, hoặc bạn không có quyền xem.',
  COMMITTEE_SEAT_TAKEN: 'Đảng viên này đã giữ vị trí đó trong nhiệm kỳ.',
  COMMITTEE_POSITION_TAKEN: 'Vị trí này trong nhiệm kỳ đã có người đảm nhiệm.',
  COMMITTEE_MEMBER_OUTSIDE: 'Đảng viên không thuộc tổ chức đảng này hoặc các tổ chức trực thuộc.',
  COMMITTEE_TERM_MISMATCH: 'Nhiệm kỳ không thuộc tổ chức đảng này.',
  // Imports (the upload → preview → confirm pipeline).
  IMPORT_NOT_FOUND: 'Không tìm thấy lượt nhập dữ liệu, hoặc bạn không có quyền xem lượt nhập này.',
  IMPORT_FILE_TYPE_UNSUPPORTED: 'Chỉ nhận tệp Excel (.xlsx) hoặc tệp CSV (.csv, mã UTF-8) theo tệp mẫu.',
  IMPORT_FILE_TYPE_MISMATCH:
    'Nội dung tệp không phải bảng tính Excel (.xlsx) dù tên tệp có đuôi .xlsx. Hãy chọn đúng tệp Excel.',
  IMPORT_WORKBOOK_ENCRYPTED:
    'Tệp Excel đang được đặt mật khẩu nên không đọc được. Hãy mở tệp bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi tải lên.',
  IMPORT_WORKBOOK_LEGACY:
    'Tệp Excel 97–2003 (.xls) không được hỗ trợ. Hãy mở bằng Excel và lưu lại dưới dạng "Sổ làm việc Excel (.xlsx)" rồi tải lên.',
  IMPORT_WORKBOOK_CORRUPT:
    'Tệp Excel bị hỏng hoặc không trọn vẹn nên không đọc được. Hãy mở tệp bằng Excel, lưu lại rồi tải lên lần nữa.',
  IMPORT_CSV_ENCODING:
    'Tệp CSV không dùng mã UTF-8 nên chữ có dấu sẽ bị sai. Trong Excel hãy chọn Lưu thành → "CSV UTF-8 (phân cách bằng dấu phẩy)" rồi tải lên.',
  IMPORT_CSV_MALFORMED: 'Tệp CSV không đúng định dạng nên không đọc được.',
  IMPORT_COLUMNS_MISSING: 'Tệp thiếu cột bắt buộc. Hãy dùng tệp mẫu, giữ nguyên tên các cột tiêu đề.',
  IMPORT_COLUMN_DUPLICATE: 'Một cột xuất hiện hai lần ở dòng tiêu đề. Hãy giữ lại một cột.',
  IMPORT_EMPTY: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.',
  IMPORT_TOO_MANY_ROWS: 'Tệp có quá nhiều dòng; hãy chia thành nhiều tệp nhỏ hơn.',
  IMPORT_NOT_READY: 'Lượt nhập này không ở bước xem trước nên không thể xác nhận ghi.',
  IMPORT_STALE:
    'Dữ liệu đã thay đổi kể từ lúc xem trước (có hồ sơ vừa được thêm hoặc sửa, hoặc tổ chức vừa được chuyển). Chưa có gì được ghi; hãy tải tệp lên lại để xem trước lần nữa.',
  // Documents: the register, numbering and distribution.
  DOCUMENT_NOT_FOUND: 'Không tìm thấy văn bản, hoặc bạn không có quyền xem văn bản này.',
  DOCUMENT_NUMBER_INVALID: 'Số và ký hiệu văn bản không đúng thể thức của Đảng (ví dụ: 165-KH/ĐUK).',
  DOCUMENT_NUMBER_REQUIRED: 'Văn bản loại này phải có số và ký hiệu (ví dụ: 35-CT/TW).',
  DOCUMENT_NUMBER_NOT_ALLOWED: 'Loại văn bản này không mang số và ký hiệu; hãy để trống ô số.',
  DOCUMENT_NUMBER_TYPE_MISMATCH: 'Ký hiệu loại trong số văn bản không khớp với loại văn bản đã chọn.',
  DOCUMENT_DUPLICATE:
    'Sổ văn bản đã có văn bản cùng số, cùng cơ quan ban hành trong cùng năm; hãy mở văn bản đó thay vì nhập lại.',
  DOCUMENT_DATE_FUTURE: 'Ngày ban hành không được sau ngày hôm nay.',
  DOCUMENT_DATE_BEFORE_ISSUER: 'Ngày ban hành không được trước ngày thành lập của cơ quan ban hành.',
  DOCUMENT_ISSUER_CODE_MISSING:
    'Tổ chức chưa có ký hiệu cơ quan ban hành (ví dụ ĐUK) nên chưa lấy được số văn bản; hãy ghi ký hiệu ở trang tổ chức.',
  DOCUMENT_TERM_MISSING:
    'Tổ chức chưa có nhiệm kỳ đang diễn ra vào ngày hôm nay; số văn bản chạy theo nhiệm kỳ, hãy khai báo nhiệm kỳ trước.',
  DOCUMENT_CONGRESS_TERM_MISSING:
    'Văn bản đại hội lấy số theo nhiệm kỳ mới; hãy khai báo nhiệm kỳ sắp tới của tổ chức trước.',
  DOCUMENT_NUMBER_NOT_FOUND: 'Không tìm thấy số văn bản đã lấy.',
  DOCUMENT_NUMBER_NOT_RESERVED: 'Số văn bản này đã được dùng hoặc đã hủy, không dùng lại được.',
  DOCUMENT_NUMBER_MISMATCH: 'Số đã lấy thuộc cơ quan hoặc loại văn bản khác với văn bản này.',
  DOCUMENT_NUMBER_FIXED:
    'Số của văn bản đi được cấp theo sổ nên không sửa được; hãy hủy văn bản bằng quy trình riêng.',
  DOCUMENT_SIGNER_REQUIRED: 'Hãy ghi người ký và chức vụ người ký trước khi tạo tệp Word của văn bản.',
  DOCUMENT_LINK_INVALID: 'Văn bản liên quan không tồn tại, bạn không xem được, hoặc chính là văn bản này.',
  DISTRIBUTION_OUTSIDE:
    'Chỉ gửi được văn bản cho các tổ chức đảng trực thuộc (đang hoạt động) mà bạn quản lý; có tổ chức nằm ngoài phạm vi đó.',
  DISTRIBUTION_DUE_INVALID: 'Hạn báo cáo không được trước ngày ban hành văn bản.',
  DISTRIBUTION_NOT_FOUND: 'Không tìm thấy lượt gửi văn bản, hoặc bạn không có quyền xem.',
  DISTRIBUTION_REPORT_DOCUMENT_INVALID:
    'Văn bản triển khai phải nằm trong sổ văn bản của chính tổ chức nhận.',
  // Dissemination conferences and study coverage.
  SESSION_NOT_FOUND: 'Không tìm thấy hội nghị quán triệt, hoặc bạn không có quyền xem.',
  SESSION_DOCUMENT_INVALID: 'Có văn bản không tồn tại hoặc bạn không xem được.',
  SESSION_ORGANIZATION_OUTSIDE: 'Chỉ mời được tổ chức đảng thuộc phạm vi của đơn vị tổ chức hội nghị.',
  SESSION_MAKEUP_INVALID:
    'Buổi học bù phải do một tổ chức được mời dự hội nghị (hoặc trực thuộc tổ chức đó) tổ chức, sau ngày hội nghị.',
  SESSION_DOCUMENTS_REQUIRED: 'Hãy chọn ít nhất một văn bản được quán triệt.',
  ATTENDANCE_MEMBER_OUTSIDE:
    'Có đảng viên không thuộc các tổ chức được mời dự hội nghị, hoặc nằm ngoài phạm vi bạn quản lý; chưa ghi gì.',
  ATTENDANCE_REASON_REQUIRED: 'Hãy ghi lý do vắng mặt.',
  ATTENDANCE_BEFORE_SESSION: 'Hội nghị chưa diễn ra nên chưa điểm danh được.',
  PROPOSAL_NOT_FOUND: 'Không tìm thấy kiến nghị, đề xuất.',
  // Congress planning.
  CONGRESS_PLAN_NOT_FOUND: 'Không tìm thấy kế hoạch đại hội, hoặc bạn không có quyền xem.',
  CONGRESS_PLAN_EXISTS: 'Tổ chức đã có kế hoạch đại hội cho nhiệm kỳ này; hãy mở kế hoạch đó để sửa.',
  CONGRESS_RULE_SET_MISSING:
    'Chưa có bộ quy định đại hội cho nhiệm kỳ này (hiện có: 2020–2025 theo Chỉ thị 35-CT/TW, 2025–2030 theo Chỉ thị 45-CT/TW).',
  CONGRESS_TERM_MISMATCH: 'Nhiệm kỳ không thuộc tổ chức đảng này.',
  CONGRESS_SCHEDULE_INVALID: 'Ngày hoặc thời gian đại hội không đúng quy định của cấp trên.',
  CONGRESS_KIND_REASON_REQUIRED:
    'Hình thức đại hội khác với hình thức theo số đảng viên (dưới 200 đảng viên: đại hội toàn thể); hãy ghi lý do, ví dụ văn bản đồng ý của cấp trên.',
  CONGRESS_TASK_NOT_FOUND: 'Không tìm thấy công việc chuẩn bị đại hội.',
  CONGRESS_TASK_DUE_BEFORE_PLAN: 'Hạn của công việc không được trước ngày lập kế hoạch đại hội.',
  CONGRESS_TASK_DONE_IN_FUTURE: 'Ngày hoàn thành không được sau ngày hôm nay.',
  CONGRESS_BUDGET_INVALID: 'Dự toán kinh phí có dòng chưa hợp lệ.',
  CONGRESS_BUDGET_LOCKED:
    'Dự toán đã gửi hoặc đã được duyệt nên không sửa trực tiếp được; hãy lập phiên bản mới từ bản đã duyệt.',
  CONGRESS_BUDGET_DRAFT_EXISTS: 'Đang có một phiên bản dự toán chưa gửi; hãy sửa phiên bản đó.',
  CONGRESS_BUDGET_EMPTY: 'Dự toán chưa có dòng nào nên chưa gửi được.',
  CONGRESS_SUBMISSION_PENDING: 'Nội dung này đã gửi cấp trên và đang chờ ý kiến; chưa gửi lại được.',
  CONGRESS_SUBMISSION_NOT_FOUND: 'Không tìm thấy hồ sơ trình cấp trên.',
  CONGRESS_SUBMISSION_DECIDED: 'Hồ sơ này đã được cấp trên cho ý kiến.',
  CONGRESS_SUBMISSION_DATE_MISSING:
    'Kế hoạch chưa có ngày đại hội nên chưa trình được ngày và thời gian đại hội.',
  CONGRESS_SELF_APPROVAL: 'Không được tự duyệt hồ sơ do chính mình trình; việc duyệt thuộc cấp ủy cấp trên.',
  CONGRESS_SUBCOMMITTEE_NOT_FOUND: 'Không tìm thấy tiểu ban.',
  CONGRESS_SUBCOMMITTEE_MEMBER_OUTSIDE:
    'Thành viên tiểu ban phải là đảng viên đang sinh hoạt tại tổ chức đảng này hoặc các tổ chức trực thuộc.',
  CONGRESS_RULES_LOOSENED: 'Cấp ủy chỉ được quy định chặt hơn quy định của cấp trên, không được nới rộng.',
  CONGRESS_RULES_NO_DAY_LEFT:
    'Quy định của cấp ủy không để lại ngày nào cho đại hội: ngày khai mạc sớm nhất sau hạn chót.',
  CONGRESS_TEMPLATE_INVALID: 'Mẫu các bước chuẩn bị đại hội có bước chưa hợp lệ.',
  CONGRESS_TEMPLATE_NO_DRAFT: 'Chưa có bản nháp mẫu các bước để công bố; hãy lưu bản nháp trước.',
  CONGRESS_TEMPLATE_NOT_FOUND: 'Cấp ủy chưa có mẫu các bước chuẩn bị đại hội riêng.',
  INTERNAL: 'Đã có lỗi ngoài ý muốn. Thao tác chưa được thực hiện; vui lòng thử lại.',
} as const;

export type ErrorCode = keyof typeof MESSAGES;

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? MESSAGES[code]);
  }
}

export const badRequest = (code: ErrorCode, details?: unknown) => new AppError(400, code, details);
export const notFound = (code: ErrorCode = 'NOT_FOUND') => new AppError(404, code);
export const forbidden = (code: ErrorCode = 'FORBIDDEN') => new AppError(403, code);
export const conflict = (code: ErrorCode, details?: unknown) => new AppError(409, code, details);

/** A stale `version` on an update: the client gets the current one to reload. */
export const versionConflict = (currentVersion: number) => conflict('VERSION_CONFLICT', { currentVersion });

/** Field details always carry a message, so a form can show it beside the field. */
function withMessages(details: unknown, message: string): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((d) => (d && typeof d === 'object' && !('message' in d) ? { ...d, message } : d));
}

export function errorBody(code: ErrorCode, details?: unknown, message?: string) {
  const text = message ?? MESSAGES[code];
  return {
    error: {
      code,
      message: text,
      ...(details === undefined ? {} : { details: withMessages(details, text) }),
    },
  };
}
