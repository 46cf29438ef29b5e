/**
 * Roles (DESIGN.md section 1) and the permissions each grants. Every route names one permission;
 * this table is the only place that says who holds it.
 */
export const permissions = [
  'orders:read',
  'orders:write',
  'orders:cancel',
  'orders:review',
  'orders:finance_review',
  'rules:manage',
  'catalog:read',
  'catalog:write',
  'inventory:read',
  'inventory:write',
  'inventory:manage',
  'fulfilment:read',
  'fulfilment:write',
  'logistics:manage',
  'service:read',
  'service:write',
  'service:manage',
  'channels:manage',
  'users:manage',
  'apikeys:manage',
  'audit:read',
  'system:read',
  'system:manage',
  'review:manage',
  'risk:read',
  'risk:manage',
  // Evaluations, rewards, improvement plans and training courses.
  'staff:manage',
] as const;

export type Permission = (typeof permissions)[number];

export const roles = [
  'admin',
  'ops_manager',
  'order_processor',
  'warehouse',
  'logistics',
  'customer_service',
  'finance',
  'it',
  'integration',
] as const;

export type Role = (typeof roles)[number];

const readOrders = ['orders:read', 'catalog:read'] as const satisfies readonly Permission[];

export const rolePermissions = {
  admin: permissions,
  ops_manager: [
    ...readOrders,
    'orders:write',
    'orders:cancel',
    'orders:review',
    'rules:manage',
    'catalog:write',
    'inventory:read',
    'inventory:write',
    'inventory:manage',
    'fulfilment:read',
    'fulfilment:write',
    'logistics:manage',
    'audit:read',
    'system:read',
    'service:read',
    'service:write',
    'service:manage',
    'review:manage',
    'risk:read',
    'risk:manage',
    'staff:manage',
  ],
  order_processor: [...readOrders, 'orders:write', 'orders:cancel', 'orders:review'],
  // The warehouse counts, receives and corrects stock; planning and approvals sit with managers.
  warehouse: [...readOrders, 'inventory:read', 'inventory:write', 'fulfilment:read', 'fulfilment:write'],
  // Logistics runs carriers, rate cards and delivery rules, and ships.
  logistics: [
    ...readOrders,
    'inventory:read',
    'fulfilment:read',
    'fulfilment:write',
    'logistics:manage',
    'risk:read',
  ],
  // Customer service takes phone orders, so it may enter them.
  customer_service: [
    ...readOrders,
    'orders:write',
    'fulfilment:read',
    'service:read',
    'service:write',
    'service:manage',
    'risk:read',
  ],
  // Finance gives the second approval of high-risk orders.
  finance: [
    ...readOrders,
    'orders:finance_review',
    'inventory:read',
    'audit:read',
    'service:read',
    'risk:read',
  ],
  it: [...readOrders, 'audit:read', 'system:read', 'system:manage'],
  // Machine access for sales channels: push orders, keep the catalog in step.
  integration: [...readOrders, 'orders:write', 'catalog:write'],
} as const satisfies Record<Role, readonly Permission[]>;

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function permissionsOf(role: string): readonly Permission[] {
  return isRole(role) ? rolePermissions[role] : [];
}

export function hasPermission(role: string, permission: Permission): boolean {
  return (permissionsOf(role) as readonly string[]).includes(permission);
}
