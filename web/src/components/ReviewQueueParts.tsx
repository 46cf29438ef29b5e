import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BulkReleaseResult } from '../api/order-review';
import type { FromState } from '../routes';

/** Orders opened from the queue keep its menu entry lit. */
export const fromQueue: FromState = { from: '/orders/queue' };

export const shortcuts = [
  { keys: ['j', 'k'], action: 'queue.keys.move' },
  { keys: ['Enter'], action: 'queue.keys.open' },
  { keys: ['c'], action: 'queue.keys.claim' },
  { keys: ['a'], action: 'queue.keys.approve' },
  { keys: ['x'], action: 'queue.keys.select' },
  { keys: ['?'], action: 'queue.keys.help' },
] as const;

/** Keys typed into a field belong to the field, not to the queue. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('.ant-select, .ant-modal, .ant-picker') !== null
  );
}

export type BulkSummary = { results: BulkReleaseResult[]; numbers: Map<string, string> };

export function BulkResult({ summary, onClose }: { summary: BulkSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const count = (outcome: BulkReleaseResult['outcome']) =>
    summary.results.filter((result) => result.outcome === outcome).length;
  const problems = summary.results.filter((result) => result.outcome !== 'approved');
  return (
    <Alert
      type={count('skipped') > 0 ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      data-testid="bulk-result"
      title={t('queue.bulkSummary', {
        approved: count('approved'),
        stillHeld: count('still_held'),
        skipped: count('skipped'),
      })}
      description={
        problems.length ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {problems.map((result) => (
              <li key={result.orderId} data-testid="bulk-result-item" data-outcome={result.outcome}>
                <Link to={`/orders/${result.orderId}`} state={fromQueue}>
                  {summary.numbers.get(result.orderId) ?? result.orderId}
                </Link>
                {' — '}
                {t(`queue.outcome.${result.outcome}`)}
                {result.reason ? `: ${result.reason}` : ''}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}

export function ShortcutHelp() {
  const { t } = useTranslation();
  return (
    <table data-testid="queue-shortcuts">
      <tbody>
        {shortcuts.map((shortcut) => (
          <tr key={shortcut.action}>
            <td style={{ paddingRight: 16 }}>
              <Space size={4}>
                {shortcut.keys.map((key) => (
                  <Typography.Text keyboard key={key}>
                    {key}
                  </Typography.Text>
                ))}
              </Space>
            </td>
            <td>{t(shortcut.action)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
