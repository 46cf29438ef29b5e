import { ResponsiveContainer } from 'recharts';

/** A fixed-height frame a chart fills; the test id lets a test find the chart. */
export function ChartBox({ children, testId }: { children: React.ReactElement; testId: string }) {
  return (
    <div style={{ height: 280 }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}
