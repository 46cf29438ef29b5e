import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, InputNumber, Progress, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type PurchaseOrder, supplyApi } from '../../api/supply';
import { errorText } from '../../errors';
import { fromCents, isMoney, toCents } from '../../format';
import { DataTable } from '../DataTable';
import { SkuPicker } from '../SkuPicker';
import { formatCost, percentOf } from './format';

type Line = PurchaseOrder['lines'][number];

/**
 * A draft's lines, editable one by one (quantity, unit cost, removed) and saved together; the
 * lines of a sent order are read only.
 */
export function PurchaseOrderLinesCard({
  order,
  onSaved,
}: {
  order: PurchaseOrder;
  onSaved?: (order: PurchaseOrder) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [lines, setLines] = useState(order.lines);
  const [isSaving, setIsSaving] = useState(false);
  const [newLine, setNewLine] = useState({ sku: '', skuName: '', quantity: 1, unitCost: '' });
  const isEditable = onSaved !== undefined && order.status === 'draft';
  const isChanged = JSON.stringify(lines) !== JSON.stringify(order.lines);
  const change = (sku: string, patch: Partial<Line>) =>
    setLines((current) => current.map((line) => (line.sku === sku ? { ...line, ...patch } : line)));
  // A SKU already on the order is changed in its own row, not added twice.
  const canAdd =
    newLine.sku.trim() !== '' &&
    !lines.some((line) => line.sku === newLine.sku.trim()) &&
    (newLine.unitCost.trim() === '' || isMoney(newLine.unitCost));
  const addLine = () => {
    const { sku, skuName, quantity, unitCost } = newLine;
    setLines((current) => [
      ...current,
      { sku: sku.trim(), skuName, quantity, receivedQuantity: 0, unitCost: unitCost.trim() },
    ]);
    setNewLine({ sku: '', skuName: '', quantity: 1, unitCost: '' });
  };
  const save = async () => {
    setIsSaving(true);
    try {
      const saved = await supplyApi.purchaseOrders.editLines(
        order.id,
        // A line added without a cost takes the SKU's unit cost on the server.
        lines.map((line) => ({
          sku: line.sku,
          quantity: line.quantity,
          unitCost: line.unitCost || undefined,
        })),
      );
      setLines(saved.lines);
      onSaved?.(saved);
      message.success(t('supply.purchaseOrders.linesSaved'));
    } catch (failure) {
      message.error(errorText(t, failure));
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Card
      title={t('supply.purchaseOrders.lines')}
      extra={
        isEditable ? (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!isChanged || lines.length === 0}
            loading={isSaving}
            onClick={() => void save()}
            data-testid="po-lines-save"
          >
            {t('supply.purchaseOrders.saveLines')}
          </Button>
        ) : null
      }
    >
      <DataTable<Line>
        data-testid="po-lines"
        rowKey="sku"
        size="small"
        pagination={false}
        dataSource={isEditable ? lines : order.lines}
        empty={t('supply.purchaseOrders.noLines')}
        emptyTestId="po-lines-empty"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('supply.common.sku'),
            dataIndex: 'sku',
            render: (sku: string) => <Link to={`/inventory/skus/${encodeURIComponent(sku)}`}>{sku}</Link>,
          },
          { title: t('supply.common.skuName'), dataIndex: 'skuName' },
          {
            title: t('supply.purchaseOrders.ordered'),
            dataIndex: 'quantity',
            align: 'right',
            render: (quantity: number, line) =>
              isEditable ? (
                <InputNumber
                  min={1}
                  precision={0}
                  value={quantity}
                  onChange={(value) => change(line.sku, { quantity: value ?? 1 })}
                  data-testid="po-line-quantity"
                />
              ) : (
                quantity
              ),
          },
          {
            title: t('supply.purchaseOrders.receivedQuantity'),
            dataIndex: 'receivedQuantity',
            align: 'right',
          },
          {
            title: t('supply.purchaseOrders.progress'),
            key: 'progress',
            width: 180,
            render: (_, line) => (
              <Progress
                percent={percentOf(line.receivedQuantity, line.quantity)}
                size="small"
                data-testid="po-line-progress"
              />
            ),
          },
          {
            title: t('supply.common.unitCost'),
            dataIndex: 'unitCost',
            align: 'right',
            render: (unitCost: string, line) =>
              isEditable ? (
                <Input
                  value={unitCost}
                  style={{ width: 100, textAlign: 'right' }}
                  onChange={(event) => change(line.sku, { unitCost: event.target.value })}
                  data-testid="po-line-cost"
                />
              ) : (
                formatCost(unitCost)
              ),
          },
          {
            title: t('supply.purchaseOrders.lineTotal'),
            key: 'lineTotal',
            align: 'right',
            render: (_, line) => formatCost(fromCents(line.quantity * toCents(line.unitCost))),
          },
          ...(isEditable
            ? [
                {
                  key: 'remove',
                  render: (_: unknown, line: Line) => (
                    <Button
                      size="small"
                      icon={<DeleteOutlined />}
                      disabled={lines.length === 1}
                      aria-label={t('supply.purchaseOrders.removeLine')}
                      onClick={() => setLines((current) => current.filter((l) => l.sku !== line.sku))}
                      data-testid="po-line-remove"
                    />
                  ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={6} align="right">
              <Typography.Text strong>{t('supply.purchaseOrders.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong data-testid="po-total">
                {formatCost(order.total)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {isEditable ? (
        <Space wrap style={{ marginTop: 12 }} data-testid="po-add-line-row">
          <div style={{ width: 260 }}>
            <SkuPicker
              value={newLine.sku}
              onChange={(sku) => setNewLine((line) => ({ ...line, sku, skuName: '' }))}
              onPick={(sku) => setNewLine((line) => ({ ...line, sku: sku.code, skuName: sku.name }))}
              data-testid="po-new-line-sku"
            />
          </div>
          <InputNumber
            min={1}
            precision={0}
            value={newLine.quantity}
            onChange={(value) => setNewLine((line) => ({ ...line, quantity: value ?? 1 }))}
            aria-label={t('supply.purchaseOrders.ordered')}
            data-testid="po-new-line-quantity"
          />
          <Input
            value={newLine.unitCost}
            placeholder={t('supply.poForm.costPlaceholder')}
            style={{ width: 140 }}
            onChange={(event) => setNewLine((line) => ({ ...line, unitCost: event.target.value }))}
            aria-label={t('supply.common.unitCost')}
            data-testid="po-new-line-cost"
          />
          <Button
            icon={<PlusOutlined />}
            disabled={!canAdd}
            onClick={addLine}
            data-testid="po-add-draft-line"
          >
            {t('supply.poForm.addLine')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
