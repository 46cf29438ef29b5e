// after-sales: complaints, returns, surveys, customer workspace
export { type Aftersales, aftersalesRoutes, createAftersales } from './aftersales/index.ts';
