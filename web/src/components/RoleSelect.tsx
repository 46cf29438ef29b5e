import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { staffApi } from '../api/staff';
import { useLoader } from '../hooks/useLoader';

/** The roles the server defines (GET /roles), labelled in the console's language. */
export function RoleSelect(props: { value?: string; onChange?: (role: string) => void; exclude?: string[] }) {
  const { t } = useTranslation();
  const roles = useLoader(() => staffApi.roles.list(), []);
  const items = (roles.data?.items ?? []).filter((role) => !props.exclude?.includes(role.id));
  return (
    <Select
      value={props.value}
      onChange={props.onChange}
      loading={roles.isLoading}
      options={items.map((role) => ({
        value: role.id,
        label: t(`roles.${role.id}`, { defaultValue: role.id }),
      }))}
      data-testid="role-select"
    />
  );
}
