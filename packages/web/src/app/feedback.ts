import type { MessageInstance } from 'antd/es/message/interface';

let messageApi: MessageInstance | null = null;

/** Lets code outside components (query and mutation caches) show antd messages in the app's context. */
export function bindMessageApi(api: MessageInstance | null): void {
  messageApi = api;
}

export function showError(text: string): void {
  void messageApi?.error(text);
}

export function showSuccess(text: string): void {
  void messageApi?.success(text);
}
