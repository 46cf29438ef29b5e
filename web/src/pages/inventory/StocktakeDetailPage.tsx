import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Spin } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { type StocktakeDetail, supplyApi } from '../../api/supply';
import { useAuth } from '../../auth';
import { DetailHeading } from '../../components/DetailHeading';
import { isNotFound, NotFoundResult } from '../../components/NotFoundResult';
import { ConfirmModal } from '../../components/supply/ConfirmModal';
import { CountSheet } from '../../components/supply/CountSheet';
import { formatCost, percentOf } from '../../components/supply/format';
import { StocktakeKind, StocktakeStatusTag } from '../../components/supply/SupplyTags';
import { VarianceReport } from '../../components/supply/VarianceReport';
import { errorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/useLoader';
import { usePageTitle } from '../../hooks/usePageTitle';

type Dialog = 'submit' | 'approve' | 'cancel' | null;

function StatusBanner({ stocktake }: { stocktake: StocktakeDetail }) {
  const { t } = useTranslation();
  const at = formatDateTime(stocktake.closedAt);
  const banners = {
    counting: { type: 'info', text: t('supply.stocktake.countingBanner') },
    review: { type: 'warning', text: t('supply.stocktake.reviewBanner') },
    approved: { type: 'success', text: t('supply.stocktake.approvedBanner', { at }) },
    cancelled: { type: 'error', text: t('supply.stocktake.cancelledBanner', { at }) },
  } as const;
  const banner = banners[stocktake.status];
  return <Alert type={banner.type} showIcon title={banner.text} data-testid="stocktake-banner" />;
}

function Header({ stocktake, actions }: { stocktake: StocktakeDetail; actions: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card>
      <DetailHeading
        backTo="/inventory/stocktakes"
        backLabel={t('supply.stocktake.backToList')}
        title={stocktake.number}
        titleTestId="stocktake-number"
        tags={<StocktakeStatusTag status={stocktake.status} />}
        actions={<Space wrap>{actions}</Space>}
      />
      <Descriptions
        size="small"
        style={{ marginTop: 16 }}
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'warehouse', label: t('supply.common.warehouse'), children: stocktake.warehouse },
          {
            key: 'kind',
            label: t('supply.stocktakes.kind'),
            children: <StocktakeKind stocktake={stocktake} />,
          },
          { key: 'created', label: t('common.createdAt'), children: formatDateTime(stocktake.createdAt) },
          {
            key: 'closed',
            label: t('supply.stocktakes.closedAt'),
            children: formatDateTime(stocktake.closedAt),
          },
          {
            key: 'progress',
            label: t('supply.stocktakes.progress'),
            span: 2,
            children: (
              <Progress
                percent={percentOf(stocktake.countedCount, stocktake.lineCount)}
                format={() =>
                  t('supply.stocktake.countedOf', {
                    counted: stocktake.countedCount,
                    total: stocktake.lineCount,
                  })
                }
                style={{ maxWidth: 360 }}
                data-testid="stocktake-progress"
              />
            ),
          },
          { key: 'note', label: t('supply.common.note'), span: 2, children: stocktake.note || '—' },
        ]}
      />
    </Card>
  );
}

export default function StocktakeDetailPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const loader = useLoader(() => supplyApi.stocktakes.get(id), [id]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const stocktake = loader.data;
  usePageTitle(
    stocktake ? t('supply.stocktake.title', { number: stocktake.number }) : t('supply.stocktakes.title'),
  );

  if (loader.error && !stocktake) {
    if (isNotFound(loader.error)) {
      return (
        <NotFoundResult
          title={t('supply.stocktake.notFound')}
          backTo="/inventory/stocktakes"
          backLabel={t('supply.stocktake.backToList')}
        />
      );
    }
    return <Alert type="error" showIcon title={errorText(t, loader.error)} />;
  }
  if (!stocktake) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const act = (action: () => Promise<StocktakeDetail>, done: string) => async () => {
    loader.setData(await action());
    setDialog(null);
    message.success(done);
  };
  const isOpen = stocktake.status === 'counting' || stocktake.status === 'review';
  const canManage = can('inventory:manage');
  // A cancelled count that never reached review still hides the book figures.
  const isBlind = stocktake.lines.every((line) => line.expected === null);
  const actions = (
    <>
      {stocktake.status === 'review' && canManage ? (
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          onClick={() => setDialog('approve')}
          data-testid="stocktake-approve"
        >
          {t('supply.stocktake.approve')}
        </Button>
      ) : null}
      {isOpen && canManage ? (
        <Button
          danger
          icon={<CloseCircleOutlined />}
          onClick={() => setDialog('cancel')}
          data-testid="stocktake-cancel"
        >
          {t('supply.stocktake.cancel')}
        </Button>
      ) : null}
    </>
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="stocktake-detail">
      <Header stocktake={stocktake} actions={actions} />
      {loader.error ? <Alert type="error" showIcon title={errorText(t, loader.error)} /> : null}
      <StatusBanner stocktake={stocktake} />
      <Card
        title={
          stocktake.status === 'counting' || isBlind
            ? t('supply.countSheet.title')
            : t('supply.variance.title')
        }
      >
        {stocktake.status === 'counting' || isBlind ? (
          <CountSheet
            stocktake={stocktake}
            canCount={stocktake.status === 'counting' && can('inventory:write')}
            onChanged={(saved) => (saved ? loader.setData(saved) : loader.reload())}
            onSubmit={() => setDialog('submit')}
          />
        ) : (
          <VarianceReport
            stocktake={stocktake}
            canEditNotes={stocktake.status === 'review' && can('inventory:write')}
            onChanged={loader.setData}
          />
        )}
      </Card>
      {dialog === 'submit' ? (
        <ConfirmModal
          title={t('supply.stocktake.submitTitle', { number: stocktake.number })}
          text={t('supply.stocktake.submitText')}
          okText={t('supply.countSheet.submit')}
          testId="stocktake-submit-confirm"
          onClose={() => setDialog(null)}
          onConfirm={act(() => supplyApi.stocktakes.submit(stocktake.id), t('supply.stocktake.submitted'))}
        />
      ) : null}
      {dialog === 'approve' ? (
        <ConfirmModal
          title={t('supply.stocktake.approveTitle', { number: stocktake.number })}
          text={t('supply.stocktake.approveText', {
            count: stocktake.lines.filter((line) => line.variance).length,
            value: formatCost(stocktake.varianceValue),
          })}
          okText={t('supply.stocktake.approve')}
          testId="stocktake-approve-confirm"
          onClose={() => setDialog(null)}
          onConfirm={act(() => supplyApi.stocktakes.approve(stocktake.id), t('supply.stocktake.approved'))}
        />
      ) : null}
      {dialog === 'cancel' ? (
        <ConfirmModal
          title={t('supply.stocktake.cancelTitle', { number: stocktake.number })}
          text={t('supply.stocktake.cancelText')}
          okText={t('supply.stocktake.cancel')}
          isDanger
          testId="stocktake-cancel-confirm"
          onClose={() => setDialog(null)}
          onConfirm={act(() => supplyApi.stocktakes.cancel(stocktake.id), t('supply.stocktake.cancelled'))}
        />
      ) : null}
    </Space>
  );
}
