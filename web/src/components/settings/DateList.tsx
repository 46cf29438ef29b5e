import { DatePicker, Space, Tag } from 'antd';
import type dayjs from 'dayjs';

/** A list of 'YYYY-MM-DD' dates: pick one to add it, close a tag to remove it. */
export function DateList({
  value,
  onChange,
  testId,
}: {
  value?: string[];
  onChange?: (dates: string[]) => void;
  testId?: string;
}) {
  const dates = [...(value ?? [])].sort();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      <DatePicker
        value={null}
        onChange={(date: dayjs.Dayjs | null) => {
          const day = date?.format('YYYY-MM-DD');
          if (day && !dates.includes(day)) onChange?.([...dates, day].sort());
        }}
      />
      <Space size={[4, 4]} wrap>
        {dates.map((date) => (
          <Tag key={date} closable onClose={() => onChange?.(dates.filter((d) => d !== date))}>
            {date}
          </Tag>
        ))}
      </Space>
    </Space>
  );
}
