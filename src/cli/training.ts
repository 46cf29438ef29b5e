import type { App } from '../app.ts';

/** `ordo training remind`: the reminders pass once (what the worker runs hourly). */
export async function sendTrainingReminders(app: App): Promise<void> {
  const { reminded } = await app.training.records.sendReminders();
  console.log(`${reminded} training reminders given`);
}
