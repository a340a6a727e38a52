import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_CODES, type RoleAssignment } from '../auth/api';
import { type OrganizationOption, OrganizationSelect } from '../organizations/OrganizationSelect';

/** Rows of (role, organization); the admin role reaches the whole system and takes no organization. */
export function RolesField({ existing = [] }: { existing?: readonly RoleAssignment[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const initialOptions: OrganizationOption[] = existing
    .filter((r) => r.organizationId)
    .map((r) => ({
      value: r.organizationId as string,
      label: r.organizationName ?? (r.organizationId as string),
    }));
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap>
              <Form.Item
                name={[field.name, 'role']}
                label={index === 0 ? t('users.fields.role') : undefined}
                rules={[
                  {
                    required: true,
                    message: t('validation.select', { field: t('users.fields.role').toLowerCase() }),
                  },
                ]}
                style={{ width: 180, marginBottom: 8 }}
              >
                <Select
                  aria-label={t('users.fields.role')}
                  options={ROLE_CODES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                  onChange={(role) => {
                    if (role === 'admin') form.setFieldValue(['roles', field.name, 'organizationId'], null);
                  }}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[['roles', field.name, 'role']]}>
                {() => {
                  const isAdminRole = form.getFieldValue(['roles', field.name, 'role']) === 'admin';
                  return (
                    <Form.Item
                      name={[field.name, 'organizationId']}
                      label={index === 0 ? t('users.fields.organization') : undefined}
                      rules={
                        isAdminRole
                          ? []
                          : [
                              {
                                required: true,
                                message: t('validation.select', {
                                  field: t('users.fields.organization').toLowerCase(),
                                }),
                              },
                            ]
                      }
                      style={{ flex: '1 1 240px', marginBottom: 8, minWidth: 0 }}
                    >
                      {isAdminRole ? (
                        <Select
                          disabled
                          placeholder={t('users.adminNoOrganization')}
                          aria-label={t('users.fields.organization')}
                        />
                      ) : (
                        <OrganizationSelect
                          initialOptions={initialOptions}
                          aria-label={t('users.fields.organization')}
                        />
                      )}
                    </Form.Item>
                  );
                }}
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('users.removeRole')}
                title={t('users.removeRole')}
                onClick={() => remove(field.name)}
                style={{ marginTop: index === 0 ? 30 : 0 }}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => add({ role: 'member', organizationId: null })}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('users.addRole')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
