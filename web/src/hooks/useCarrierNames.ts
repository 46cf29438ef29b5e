import { useMemo } from 'react';
import { logisticsApi } from '../api/fulfilment';
import { useAuth } from '../auth';
import { useLoader } from './useLoader';

/**
 * Carriers by id, for figures that count by carrier id: the reader sees "SF Express", not a
 * UUID. Those who may not list carriers keep the id.
 */
export function useCarrierNames() {
  const { can } = useAuth();
  const mayList = can('fulfilment:read');
  const carriers = useLoader(() => (mayList ? logisticsApi.carriers.list() : Promise.resolve([])), [mayList]);
  const names = useMemo(
    () => new Map((carriers.data ?? []).map((carrier) => [carrier.id, carrier.name || carrier.code])),
    [carriers.data],
  );
  return { nameOf: (carrierId: string) => names.get(carrierId) ?? carrierId };
}
