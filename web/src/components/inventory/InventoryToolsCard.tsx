import { CalculatorOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inventoryApi, type LedgerCheck } from '../../api/inventory';
import { errorText } from '../../errors';
import { formatQuantity } from './numbers';

type Outcome<T> = { result?: T; error?: unknown; isBusy: boolean };

function useAction<T>(action: () => Promise<T>) {
  const [outcome, setOutcome] = useState<Outcome<T>>({ isBusy: false });
  const run = async () => {
    setOutcome({ isBusy: true });
    try {
      setOutcome({ result: await action(), isBusy: false });
    } catch (error) {
      setOutcome({ error, isBusy: false });
    }
  };
  return { ...outcome, run };
}

function LedgerResult({ check }: { check: LedgerCheck }) {
  const { t } = useTranslation();
  if (check.mismatches.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        title={t('inventory.tools.ledgerClean', { count: check.checked })}
        data-testid="ledger-clean"
      />
    );
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={t('inventory.tools.ledgerMismatches', {
          count: check.mismatches.length,
          checked: check.checked,
        })}
        style={{ marginBottom: 8 }}
      />
      <Table
        rowKey={(row) => `${row.sku}:${row.warehouse}:${row.field}`}
        size="small"
        pagination={false}
        dataSource={check.mismatches}
        data-testid="ledger-mismatches"
        columns={[
          { title: t('inventory.common.sku'), dataIndex: 'sku' },
          { title: t('inventory.common.warehouse'), dataIndex: 'warehouse' },
          {
            title: t('inventory.tools.field'),
            dataIndex: 'field',
            render: (field: string) => t(`inventory.common.${field}`),
          },
          { title: t('inventory.tools.stored'), dataIndex: 'stored', align: 'right', render: formatQuantity },
          {
            title: t('inventory.tools.fromLedger'),
            dataIndex: 'recomputed',
            align: 'right',
            render: formatQuantity,
          },
        ]}
      />
    </>
  );
}

/** Maintenance a manager runs by hand: replan now rather than tonight, and audit the ledger. */
export function InventoryToolsCard() {
  const { t } = useTranslation();
  const recompute = useAction(() => inventoryApi.plans.recompute());
  const check = useAction(() => inventoryApi.checkLedger());
  return (
    <Card title={t('inventory.tools.title')}>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Paragraph type="secondary">{t('inventory.tools.recomputeHelp')}</Typography.Paragraph>
          <Button
            icon={<CalculatorOutlined />}
            loading={recompute.isBusy}
            onClick={recompute.run}
            data-testid="recompute-plans"
          >
            {t('inventory.tools.recompute')}
          </Button>
          {recompute.result ? (
            <Alert
              type="success"
              showIcon
              title={t('inventory.tools.recomputed', { count: recompute.result.planned })}
              style={{ marginTop: 12 }}
              data-testid="recompute-result"
            />
          ) : null}
          {recompute.error ? (
            <Alert type="error" showIcon title={errorText(t, recompute.error)} style={{ marginTop: 12 }} />
          ) : null}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Paragraph type="secondary">{t('inventory.tools.checkHelp')}</Typography.Paragraph>
          <Button
            icon={<FileSearchOutlined />}
            loading={check.isBusy}
            onClick={check.run}
            data-testid="check-ledger"
          >
            {t('inventory.tools.check')}
          </Button>
          <div style={{ marginTop: 12 }}>
            {check.result ? <LedgerResult check={check.result} /> : null}
            {check.error ? <Alert type="error" showIcon title={errorText(t, check.error)} /> : null}
          </div>
        </Col>
      </Row>
    </Card>
  );
}
