import { ArrowLeftOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** The top line of a detail page: back to its list, the title and its tags; actions on the right. */
export function DetailHeading({
  backTo,
  backLabel,
  title,
  titleTestId,
  tags,
  actions,
}: {
  backTo: string;
  backLabel: string;
  title: ReactNode;
  titleTestId: string;
  tags?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        gap: 16,
        flexWrap: 'wrap',
      }}
    >
      <Space wrap align="center">
        <Link to={backTo} aria-label={backLabel}>
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid={titleTestId}>
          {title}
        </Typography.Title>
        {tags}
      </Space>
      {actions}
    </div>
  );
}
