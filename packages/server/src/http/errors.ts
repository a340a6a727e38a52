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

export function errorBody(code: ErrorCode, details?: unknown, message?: string) {
  return {
    error: { code, message: message ?? MESSAGES[code], ...(details === undefined ? {} : { details }) },
  };
}
