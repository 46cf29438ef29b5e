import { Button, Tooltip } from 'antd';
import type { ReactNode } from 'react';

/** A small icon button for a table row, named by its tooltip (and for screen readers). */
export function IconAction({
  icon,
  label,
  onClick,
  testId,
}: {
  icon: ReactNode;
  label: string;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <Tooltip title={label}>
      <Button size="small" icon={icon} aria-label={label} onClick={onClick} data-testid={testId} />
    </Tooltip>
  );
}
