import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** Up, down and remove for one row of an ordered Form.List, where order decides which rule wins. */
export function RowMoveButtons({
  index,
  count,
  move,
  remove,
}: {
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button
        size="small"
        icon={<ArrowUpOutlined />}
        disabled={index === 0}
        onClick={() => move(index, index - 1)}
        aria-label={t('rules.moveUp')}
      />
      <Button
        size="small"
        icon={<ArrowDownOutlined />}
        disabled={index === count - 1}
        onClick={() => move(index, index + 1)}
        aria-label={t('rules.moveDown')}
      />
      <Button
        size="small"
        danger
        icon={<DeleteOutlined />}
        onClick={remove}
        aria-label={t('common.remove')}
      />
    </Space>
  );
}
