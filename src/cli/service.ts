import type { App } from '../app.ts';

/** `ordo notifications send`: sends every due customer message now (what the worker does every 30 s). */
export async function sendDueNotifications(app: App): Promise<void> {
  const tried = await app.service.notifications.deliverDue();
  console.log(`${tried} messages tried; see the delivery log for their status`);
}

/** `ordo notifications complete-orders`: the completion job once (delivered orders past their return window). */
export async function completeDueOrders(app: App): Promise<void> {
  const { completed, keptOpen } = await app.service.completion.completeDueOrders();
  console.log(`${completed} orders completed, ${keptOpen} kept open by a return or complaint`);
}
