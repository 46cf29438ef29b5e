import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors';

/**
 * Runs a one-click action on a table row (revoke, delete, deactivate): a toast either way,
 * and on success the list reloads so the row shows its new state.
 */
export function useRowAction(reload: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (action: () => Promise<unknown>, successText: string) => {
    try {
      await action();
      message.success(successText);
      reload();
    } catch (failure) {
      message.error(errorText(t, failure));
    }
  };
}
