import {
  CheckOutlined,
  QuestionCircleOutlined,
  ReloadOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Popover,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type BulkReleaseResult, orderReviewApi, type QueueItem } from '../api/order-review';
import { ordersApi, type ReviewStage } from '../api/orders';
import { useAuth } from '../auth';
import { CursorPager } from '../components/CursorPager';
import { EnumText, HoldTag, PriorityScore, ReviewStageTag, SlaTag } from '../components/StatusTags';
import { errorText } from '../errors';
import { formatCountdown, formatMoney } from '../format';
import { useCursorList } from '../hooks/useCursorList';
import { useLoader } from '../hooks/useLoader';
import { useNow } from '../hooks/useNow';
import { usePageTitle } from '../hooks/usePageTitle';

const shortcuts = [
  { keys: ['j', 'k'], action: 'queue.keys.move' },
  { keys: ['Enter'], action: 'queue.keys.open' },
  { keys: ['c'], action: 'queue.keys.claim' },
  { keys: ['a'], action: 'queue.keys.approve' },
  { keys: ['x'], action: 'queue.keys.select' },
  { keys: ['?'], action: 'queue.keys.help' },
] as const;

/** Keys typed into a field belong to the field, not to the queue. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('.ant-select, .ant-modal, .ant-picker') !== null
  );
}

type BulkSummary = { results: BulkReleaseResult[]; numbers: Map<string, string> };

function BulkResult({ summary, onClose }: { summary: BulkSummary; onClose: () => void }) {
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
                <Link to={`/orders/${result.orderId}`}>
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

function ShortcutHelp() {
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

export default function ReviewQueuePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const team = params.get('team') ?? '';
  const isMine = params.get('mine') === 'true';
  const stage: ReviewStage | undefined = params.get('stage') === 'finance' ? 'finance' : undefined;
  usePageTitle(t('queue.title'));

  const teams = useLoader(async () => {
    const [list, settings] = await Promise.all([
      orderReviewApi.teams.list(),
      ordersApi.settings.get().catch(() => null),
    ]);
    const names = new Map(list.items.map((item) => [item.id, item.name || item.id]));
    for (const rule of settings?.assignment ?? []) if (!names.has(rule.team)) names.set(rule.team, rule.team);
    return names;
  }, []);
  const teamNames = teams.data ?? new Map<string, string>();
  const list = useCursorList(
    (page) => orderReviewApi.queue.list({ ...page, team, mine: isMine, stage }),
    [team, isMine, stage],
  );

  const [focus, setFocus] = useState(-1);
  const [selected, setSelected] = useState<string[]>([]);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [bulk, setBulk] = useState<BulkSummary | null>(null);
  const items = list.items;
  const focused = focus >= 0 ? items[focus] : undefined;

  // Keep the focus on the page and the selection to orders still listed (after a reload).
  const itemIds = items.map((item) => item.id).join(',');
  useEffect(() => {
    const ids = itemIds ? itemIds.split(',') : [];
    setFocus((index) => (index >= ids.length ? ids.length - 1 : index));
    setSelected((current) => {
      const kept = current.filter((id) => ids.includes(id));
      return kept.length === current.length ? current : kept;
    });
  }, [itemIds]);

  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const claimNext = useCallback(async () => {
    try {
      const item = await orderReviewApi.queue.claimNext({ team: team || undefined, stage });
      message.success(t('queue.claimedNext', { number: item.number }));
      navigate(`/orders/${item.id}`);
    } catch (failure) {
      message.info(errorText(t, failure));
    }
  }, [team, stage, message, navigate, t]);

  const release = useCallback(
    async (ids: string[]) => {
      if (ids.length === 0) return;
      setIsBusy(true);
      try {
        const { results } = await orderReviewApi.bulkRelease(ids);
        const numbers = new Map(items.map((item) => [item.id, item.number]));
        if (ids.length === 1) {
          const [result] = results;
          const number = numbers.get(result.orderId) ?? '';
          if (result.outcome === 'approved') message.success(t('queue.approvedOne', { number }));
          else if (result.outcome === 'still_held') message.warning(t('queue.stillHeldOne', { number }));
          else message.warning(t('queue.skippedOne', { number, reason: result.reason ?? '' }));
        } else {
          setBulk({ results, numbers });
        }
        setSelected([]);
        list.reload();
      } catch (failure) {
        message.error(errorText(t, failure));
      } finally {
        setIsBusy(false);
      }
    },
    [items, list, message, t],
  );

  // Keyboard: j/k move, Enter opens, c claims the next order, a approves, x selects, ? helps.
  const keyState = useRef({ items, focus, focused, claimNext, release, canReview: can('orders:review') });
  keyState.current = { items, focus, focused, claimNext, release, canReview: can('orders:review') };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const state = keyState.current;
      const move = (delta: number) => {
        if (state.items.length === 0) return;
        const next = Math.min(state.items.length - 1, Math.max(0, state.focus + delta));
        setFocus(next);
        document
          .querySelector(`[data-testid="queue-table"] tr[data-row-key="${state.items[next].id}"]`)
          ?.scrollIntoView({ block: 'nearest' });
      };
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          move(1);
          break;
        case 'k':
        case 'ArrowUp':
          move(-1);
          break;
        case 'Enter':
          // A focused button or link keeps its own Enter.
          if (event.target instanceof HTMLElement && event.target.closest('button, a')) return;
          if (state.focused) navigate(`/orders/${state.focused.id}`);
          break;
        case 'c':
          void state.claimNext();
          break;
        case 'a':
          if (state.focused && state.canReview) void state.release([state.focused.id]);
          break;
        case 'x': {
          const target = state.focused;
          if (target)
            setSelected((ids) =>
              ids.includes(target.id) ? ids.filter((id) => id !== target.id) : [...ids, target.id],
            );
          break;
        }
        case '?':
          setIsHelpOpen((open) => !open);
          break;
        case 'Escape':
          setIsHelpOpen(false);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  const columns: ColumnsType<QueueItem> = [
    {
      title: t('orders.number'),
      dataIndex: 'number',
      render: (number: string, item) => (
        <Link
          to={`/orders/${item.id}`}
          onClick={(event) => event.stopPropagation()}
          data-testid="queue-number"
        >
          {number}
        </Link>
      ),
    },
    {
      title: t('queue.priority'),
      dataIndex: 'priority',
      align: 'right',
      render: (priority: number, item) => <PriorityScore priority={priority} parts={item.priorityParts} />,
    },
    {
      title: t('queue.sla'),
      dataIndex: 'slaStatus',
      render: (status: QueueItem['slaStatus'], item) => (
        <Space orientation="vertical" size={0}>
          <SlaTag status={status} shipBy={item.shipBy} now={now} />
          {item.shipBy ? (
            <Typography.Text type={status === 'breached' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {formatCountdown(t, item.shipBy, now)}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('queue.holds'),
      dataIndex: 'holds',
      render: (holds: string[]) => (
        <Space size={[0, 4]} wrap>
          {holds.map((code) => (
            <HoldTag key={code} code={code} />
          ))}
        </Space>
      ),
    },
    {
      title: t('queue.risk'),
      dataIndex: 'riskScore',
      align: 'right',
      render: (score: number, item) => (
        <Tag color={item.holds.includes('HIGH_RISK') ? 'red' : score > 0 ? 'orange' : 'default'}>{score}</Tag>
      ),
    },
    {
      title: t('queue.stage'),
      dataIndex: 'reviewStage',
      render: (value: ReviewStage | null, item) =>
        value ? (
          <ReviewStageTag stage={value} />
        ) : item.holds.includes('HIGH_RISK') ? (
          <ReviewStageTag stage="processor" />
        ) : (
          '—'
        ),
    },
    {
      title: t('queue.type'),
      dataIndex: 'type',
      render: (type: string) => <EnumText group="orderType" value={type} />,
    },
    {
      title: t('queue.team'),
      dataIndex: 'team',
      render: (id: string | null) => (id ? (teamNames.get(id) ?? id) : '—'),
    },
    {
      title: t('queue.claimedBy'),
      dataIndex: 'claimedBy',
      render: (name: string | null) => (name ? <Tag icon={<CheckOutlined />}>{name}</Tag> : '—'),
    },
    { title: t('orders.customer'), dataIndex: 'customerName' },
    {
      title: t('orders.total'),
      dataIndex: 'total',
      align: 'right',
      render: (total: string, item) => formatMoney(total, item.currency),
    },
  ];

  const hasFilters = Boolean(team || isMine || stage);
  return (
    <Card
      title={t('queue.title')}
      extra={
        <Space wrap>
          <Popover
            open={isHelpOpen}
            onOpenChange={setIsHelpOpen}
            trigger="click"
            title={t('queue.keys.title')}
            content={<ShortcutHelp />}
          >
            <Button icon={<QuestionCircleOutlined />} data-testid="queue-help">
              {t('queue.keys.button')}
            </Button>
          </Popover>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
          <Button
            icon={<ThunderboltOutlined />}
            onClick={() => void claimNext()}
            data-testid="queue-claim-next"
          >
            {t('queue.claimNext')}
          </Button>
          {can('orders:review') ? (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={selected.length === 0}
              loading={isBusy}
              onClick={() => void release(selected)}
              data-testid="queue-approve-selected"
            >
              {t('queue.approveSelected', { count: selected.length })}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('queue.allTeams')}
          value={team || undefined}
          onChange={(value?: string) => setFilter('team', value)}
          options={[...teamNames].map(([value, label]) => ({ value, label }))}
          loading={teams.isLoading}
          style={{ width: 180 }}
          data-testid="queue-filter-team"
        />
        <Checkbox
          checked={isMine}
          onChange={(event) => setFilter('mine', event.target.checked ? 'true' : undefined)}
          data-testid="queue-filter-mine"
        >
          {t('queue.mine')}
        </Checkbox>
        <Checkbox
          checked={stage === 'finance'}
          onChange={(event) => setFilter('stage', event.target.checked ? 'finance' : undefined)}
          data-testid="queue-filter-finance"
        >
          {t('queue.financeStage')}
        </Checkbox>
      </Space>
      {list.error ? (
        <Alert type="error" showIcon title={errorText(t, list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      {bulk ? <BulkResult summary={bulk} onClose={() => setBulk(null)} /> : null}
      <div data-testid="queue-table">
        <Table<QueueItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowSelection={
            can('orders:review')
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }
              : undefined
          }
          onRow={(item, index) => ({
            onClick: () => setFocus(index ?? -1),
            onDoubleClick: () => navigate(`/orders/${item.id}`),
            'data-focused': index === focus ? 'true' : undefined,
            'data-testid': 'queue-row',
            style:
              index === focus
                ? { background: '#e6f4ff', outline: '2px solid #1677ff' }
                : { cursor: 'pointer' },
          })}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={hasFilters ? t('queue.noMatches') : t('queue.empty')}
                data-testid="queue-empty"
              />
            ),
          }}
        />
      </div>
      <CursorPager list={list} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('queue.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
