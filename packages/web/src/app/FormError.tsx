import { Alert } from 'antd';

export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />;
}
