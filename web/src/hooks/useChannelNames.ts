import { useMemo } from 'react';
import { catalogApi } from '../api/catalog';
import { useLoader } from './useLoader';

/** The configured sales channels by id, so every page names a channel the same way ("Web shop", not `web`). */
export function useChannelNames() {
  const channels = useLoader(() => catalogApi.channels.list(), []);
  const names = useMemo(
    () => new Map((channels.data?.items ?? []).map((channel) => [channel.id, channel.name || channel.id])),
    [channels.data],
  );
  return {
    names,
    nameOf: (channelId: string) => names.get(channelId) ?? channelId,
    isLoading: channels.isLoading,
  };
}
