/** A timed run of `orders` orders. */
export interface Throughput {
  orders: number;
  seconds: number;
  perSecond: number;
  /** Server CPU per order: steadier than throughput when something else shares the machine. */
  serverCpuMsPerOrder?: number;
}

export async function timed(orders: number, work: () => Promise<void>): Promise<Throughput> {
  const start = performance.now();
  await work();
  const seconds = (performance.now() - start) / 1000;
  return { orders, seconds, perSecond: orders / seconds };
}

/** Progress goes to stderr; stdout carries only the result lines. */
export function progress(message: string): void {
  console.error(`… ${message}`);
}
