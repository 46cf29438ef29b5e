import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceKind, ShipmentStatus, WaveStatus } from '../../api/fulfilment';

// Typed as complete records, so a status the contract adds fails the typecheck here.
const waveColors: Record<WaveStatus, string> = { picking: 'blue', picked: 'green', cancelled: 'default' };
const shipmentColors: Record<ShipmentStatus, string> = {
  label_created: 'default',
  in_transit: 'blue',
  out_for_delivery: 'cyan',
  delivered: 'green',
  failed_attempt: 'orange',
  exception: 'red',
  returned_to_sender: 'volcano',
};
const serviceKindList: Record<ServiceKind, true> = {
  express: true,
  standard: true,
  freight: true,
  same_day: true,
  crowdsourced: true,
  pickup_point: true,
};

export const waveStatuses = Object.keys(waveColors) as WaveStatus[];
export const shipmentStatuses = Object.keys(shipmentColors) as ShipmentStatus[];
export const serviceKinds = Object.keys(serviceKindList) as ServiceKind[];

export function WaveStatusTag({ status }: { status: WaveStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={waveColors[status]} data-testid="wave-status" data-status={status}>
      {t(`fulfilment.waveStatus.${status}`)}
    </Tag>
  );
}

export function ShipmentStatusTag({ status }: { status: ShipmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={shipmentColors[status] ?? 'default'} data-testid="shipment-status" data-status={status}>
      {t(`fulfilment.shipmentStatus.${status}`, { defaultValue: status })}
    </Tag>
  );
}
